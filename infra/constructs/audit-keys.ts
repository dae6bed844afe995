import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The pipeline's two customer-managed keys. Both are retained: destroying the data key would make six
 * years of evidence unreadable, destroying the signing key would make every manifest unverifiable.
 */
export class AuditKeys extends Construct {
  /** Symmetric key for the table, evidence bucket, log groups, SNS topic and queues. */
  readonly dataKey: kms.Key;
  /** Asymmetric ECDSA P-256 key that signs evidence manifests; auditors verify with the public key. */
  readonly signingKey: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);

    this.dataKey = new kms.Key(this, 'DataKey', {
      description: 'HIPAA audit pipeline: findings, evidence, logs and notifications',
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts with the key itself (not with the caller's role), so it needs a key-policy
    // grant, limited by encryption context to this account's log groups in this region.
    this.dataKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsForThisAccountsLogGroups',
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
          },
        },
      }),
    );
    // CloudWatch alarms publish to the KMS-encrypted alarm topic as the cloudwatch service principal.
    this.dataKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublishToEncryptedTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        // No condition: CloudWatch does not pass a source context that KMS could match on; the service can
        // only use this key for topics that were encrypted with it, i.e. this pipeline's alarm topic.
        resources: ['*'],
      }),
    );

    this.signingKey = new kms.Key(this, 'ManifestSigningKey', {
      description: 'HIPAA audit pipeline: signs evidence manifests (ECDSA P-256)',
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      // KMS cannot rotate asymmetric keys; a new key would need its own public key distributed to auditors.
      enableKeyRotation: false,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
