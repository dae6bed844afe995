import { describe, expect, it } from 'vitest';
import { fillRemediation } from '../../lib/digest/fill-remediation.js';
import type { ResourceRef } from '../../lib/model/resource.js';

const ref = (type: string, id: string, arn: string, region = 'us-east-1'): ResourceRef => ({ type, id, arn, region, accountId: '111122223333' });

const bucket = ref('AWS::S3::Bucket', 'demo-clinic-exports', 'arn:aws:s3:::demo-clinic-exports', 'global');
const trail = ref('AWS::CloudTrail::Trail', 'org-trail', 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail');
const rds = ref('AWS::RDS::DBInstance', 'billing-db', 'arn:aws:rds:us-east-1:111122223333:db:billing-db');

describe('fillRemediation', () => {
  it('fills a placeholder that names the resource by its own name', () => {
    expect(fillRemediation('aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled', bucket)).toBe(
      'aws s3api put-bucket-versioning --bucket demo-clinic-exports --versioning-configuration Status=Enabled',
    );
    expect(fillRemediation('aws cloudtrail update-trail --name <trail> --enable-log-file-validation', trail)).toBe(
      'aws cloudtrail update-trail --name org-trail --enable-log-file-validation',
    );
  });

  it('fills a generic <id> only after the flag that names the resource type', () => {
    expect(fillRemediation('aws rds modify-db-instance --db-instance-identifier <id> --backup-retention-period <days>', rds)).toBe(
      'aws rds modify-db-instance --db-instance-identifier billing-db --backup-retention-period <days>',
    );
    // `--association-id <id>` is not the instance's id: it stays for the engineer to look up.
    const instance = ref('AWS::EC2::Instance', 'i-0abc', 'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc');
    expect(fillRemediation('aws ec2 disassociate-address --association-id <id>', instance)).toBe('aws ec2 disassociate-address --association-id <id>');
  });

  it('fills ARNs, region and account, and leaves choices to the engineer', () => {
    const secret = ref('AWS::SecretsManager::Secret', 'db-password', 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-password-AbC');
    expect(fillRemediation('aws secretsmanager update-secret --secret-id <secret-arn> --kms-key-id <customer-managed-key-arn>', secret)).toBe(
      'aws secretsmanager update-secret --secret-id arn:aws:secretsmanager:us-east-1:111122223333:secret:db-password-AbC --kms-key-id <customer-managed-key-arn>',
    );
    const region = ref('AWS::EC2::Region', 'us-west-2', 'arn:aws:ec2:us-west-2:111122223333:', 'us-west-2');
    expect(fillRemediation('aws ec2 enable-ebs-encryption-by-default --region <region>', region)).toBe('aws ec2 enable-ebs-encryption-by-default --region us-west-2');
    expect(fillRemediation('aws s3control put-public-access-block --account-id <account>', bucket)).toBe('aws s3control put-public-access-block --account-id 111122223333');
    // A global resource has no region to fill in.
    expect(fillRemediation('copy it to <region>', bucket)).toBe('copy it to <region>');
  });

  it('does not fill a placeholder that names another resource type', () => {
    // On a trail's finding, `<bucket>` is the log bucket the engineer chooses, not the trail.
    expect(fillRemediation('aws cloudtrail create-trail --name <trail> --s3-bucket-name <bucket>', trail)).toBe(
      'aws cloudtrail create-trail --name org-trail --s3-bucket-name <bucket>',
    );
    expect(fillRemediation('aws kms enable-key-rotation --key-id <key-id>', bucket)).toBe('aws kms enable-key-rotation --key-id <key-id>');
  });

  it('quotes identifiers a shell would split', () => {
    const role = ref('AWS::IAM::Role', "ehr app's role", 'arn:aws:iam::111122223333:role/x', 'global');
    expect(fillRemediation('aws iam update-role --role-name <role> --max-session-duration 3600', role)).toBe(
      `aws iam update-role --role-name 'ehr app'\\''s role' --max-session-duration 3600`,
    );
  });
});
