import type { ResourceRef } from '../model/resource.js';

/**
 * Fills a remediation command's placeholders (`--bucket <bucket>`) with the finding's own resource, so
 * the officer can hand the engineer a command that runs as written. A placeholder is filled only when
 * it names the finding's resource: by its own name (`<bucket>` on an S3 bucket) or, for the generic
 * `<id>` / `<name>` / `<arn>`, by the flag in front of it (`--db-instance-identifier <id>` on an RDS
 * instance). Anything else (`<kms-key-arn>`, `<days>`, a bucket on a trail's finding) is a choice the
 * engineer must make and stays as it is.
 */

interface NamingRule {
  type: string;
  value: 'id' | 'arn';
  /** Placeholders that name a resource of this type wherever they appear. */
  placeholders?: readonly string[];
  /** Flags after which `<id>`, `<name>` or `<arn>` name a resource of this type. */
  flags?: readonly string[];
}

const RULES: readonly NamingRule[] = [
  { type: 'AWS::S3::Bucket', value: 'id', placeholders: ['bucket', 'bucket-name'], flags: ['--bucket'] },
  { type: 'AWS::CloudTrail::Trail', value: 'id', placeholders: ['trail', 'trail-name'], flags: ['--name', '--trail-name'] },
  { type: 'AWS::EC2::Instance', value: 'id', placeholders: ['instance-id'], flags: ['--instance-id', '--instance-ids'] },
  { type: 'AWS::EC2::Volume', value: 'id', placeholders: ['volume-id'], flags: ['--volume-id'] },
  { type: 'AWS::EC2::SecurityGroup', value: 'id', placeholders: ['sg-id', 'default-sg-id', 'group-id'], flags: ['--group-id'] },
  { type: 'AWS::EC2::LaunchTemplate', value: 'id', placeholders: ['lt-id'], flags: ['--launch-template-id'] },
  { type: 'AWS::EC2::Image', value: 'id', placeholders: ['ami-id'], flags: ['--image-id'] },
  { type: 'AWS::EC2::Subnet', value: 'id', placeholders: ['subnet-id'], flags: ['--subnet-id'] },
  { type: 'AWS::EC2::VPC', value: 'id', placeholders: ['vpc-id'], flags: ['--vpc-id', '--resource-ids'] },
  { type: 'AWS::EC2::NetworkAcl', value: 'id', placeholders: ['acl-id'], flags: ['--network-acl-id'] },
  { type: 'AWS::EC2::Snapshot', value: 'id', placeholders: ['snapshot-id'], flags: ['--snapshot-id', '--source-snapshot-id'] },
  { type: 'AWS::AutoScaling::LaunchConfiguration', value: 'id', flags: ['--launch-configuration-name'] },
  { type: 'AWS::Logs::LogGroup', value: 'id', placeholders: ['log-group', 'log-group-name'], flags: ['--log-group-name'] },
  { type: 'AWS::KMS::Key', value: 'id', placeholders: ['key-id'], flags: ['--key-id'] },
  { type: 'AWS::RDS::DBInstance', value: 'id', placeholders: ['db-instance-id'], flags: ['--db-instance-identifier'] },
  { type: 'AWS::RDS::DBSnapshot', value: 'id', flags: ['--db-snapshot-identifier'] },
  { type: 'AWS::DynamoDB::Table', value: 'id', placeholders: ['table', 'table-name'], flags: ['--table-name'] },
  { type: 'AWS::SNS::Topic', value: 'arn', placeholders: ['topic-arn'], flags: ['--topic-arn'] },
  { type: 'AWS::ElasticLoadBalancingV2::Listener', value: 'arn', placeholders: ['listener-arn'], flags: ['--listener-arn'] },
  { type: 'AWS::SecretsManager::Secret', value: 'arn', placeholders: ['secret-arn'], flags: ['--secret-id'] },
  { type: 'AWS::OpenSearch::Domain', value: 'id', flags: ['--domain-name'] },
  { type: 'AWS::Redshift::Cluster', value: 'id', flags: ['--cluster-identifier'] },
  { type: 'AWS::SageMaker::NotebookInstance', value: 'id', flags: ['--notebook-instance-name'] },
  { type: 'AWS::DMS::Endpoint', value: 'arn', placeholders: ['endpoint-arn'], flags: ['--endpoint-arn'] },
  { type: 'AWS::DMS::ReplicationInstance', value: 'id', flags: ['--replication-instance-identifier'] },
  { type: 'AWS::ElastiCache::ReplicationGroup', value: 'id', flags: ['--replication-group-id'] },
  { type: 'AWS::Kinesis::Stream', value: 'id', flags: ['--stream-name'] },
  { type: 'AWS::KinesisFirehose::DeliveryStream', value: 'id', flags: ['--delivery-stream-name'] },
  { type: 'AWS::ACM::Certificate', value: 'arn', placeholders: ['certificate-arn'], flags: ['--certificate-arn'] },
  { type: 'AWS::IAM::Role', value: 'id', placeholders: ['role', 'role-name'], flags: ['--role-name'] },
  { type: 'AWS::IAM::User', value: 'id', placeholders: ['user', 'user-name'], flags: ['--user-name'] },
];

const GENERIC = new Set(['id', 'name', 'arn']);
// `--flag <placeholder>` or `--flag=<placeholder>`, or a bare `<placeholder>`.
const PLACEHOLDER = /(--[a-z0-9-]+[ =])?<([a-z][a-z0-9-]*)>/g;

function resourceValue(placeholder: string, flag: string | undefined, resource: ResourceRef): string | undefined {
  if (placeholder === 'account' || placeholder === 'account-id') return resource.accountId;
  // A global resource has no region to fill in; the engineer picks one.
  if (placeholder === 'region') return resource.region === 'global' ? undefined : resource.region;
  for (const rule of RULES) {
    if (rule.type !== resource.type) continue;
    const named = GENERIC.has(placeholder) ? flag !== undefined && (rule.flags ?? []).includes(flag) : (rule.placeholders ?? []).includes(placeholder);
    if (!named) continue;
    const value = placeholder === 'arn' || placeholder.endsWith('-arn') ? resource.arn : resource[rule.value];
    return value || undefined;
  }
  return undefined;
}

/** The remediation with every placeholder that names `resource` replaced by its identifier. */
export function fillRemediation(remediation: string, resource: ResourceRef): string {
  return remediation.replace(PLACEHOLDER, (match: string, flagPart: string | undefined, placeholder: string) => {
    const flag = flagPart?.slice(0, -1);
    const value = resourceValue(placeholder, flag, resource);
    return value === undefined ? match : `${flagPart ?? ''}${shellWord(value)}`;
  });
}

/** Quotes a value that a shell would split or expand; plain ids and ARNs stay as they are. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
