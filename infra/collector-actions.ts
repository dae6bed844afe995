/**
 * Exactly the API actions the collectors (lib/collectors, lib/scan) call in a member account. The member
 * role grants these and nothing else, so a new collector call must be added here or it fails with
 * AccessDenied (reported as a collection ERROR, never silently skipped). test/infra checks that every
 * SDK command in the collector sources maps to an entry and that every entry is a read action.
 *
 * Note the IAM names that differ from SDK command names: ListBuckets -> s3:ListAllMyBuckets,
 * GetBucketEncryption -> s3:GetEncryptionConfiguration, GetObjectLockConfiguration ->
 * s3:GetBucketObjectLockConfiguration, S3 Control GetPublicAccessBlock -> s3:GetAccountPublicAccessBlock,
 * GetBucketReplication -> s3:GetReplicationConfiguration, GetBucketLifecycleConfiguration -> s3:GetLifecycleConfiguration,
 * Resource Explorer ListResources -> resource-explorer-2:Search, and every API Gateway read (REST and HTTP
 * APIs: GetRestApis, GetStages, GetApis, GetDomainNames) -> apigateway:GET.
 */
export const MEMBER_READ_ACTIONS = [
  // IAM and account
  'iam:GetAccountAuthorizationDetails',
  'iam:GenerateCredentialReport',
  'iam:GetCredentialReport',
  'iam:GetAccountPasswordPolicy',
  'iam:GetAccountSummary',
  'iam:ListVirtualMFADevices',
  'iam:ListRoles',
  'account:GetAlternateContact',
  'organizations:DescribeOrganization',
  'sts:GetCallerIdentity',
  // Logging and monitoring
  'cloudtrail:DescribeTrails',
  'cloudtrail:GetTrailStatus',
  'cloudtrail:GetEventSelectors',
  'logs:DescribeLogGroups',
  'logs:DescribeMetricFilters',
  'cloudwatch:DescribeAlarms',
  'ec2:DescribeVpcs',
  'ec2:DescribeFlowLogs',
  'ec2:DescribeRegions',
  'config:DescribeConfigurationRecorders',
  'config:DescribeConfigurationRecorderStatus',
  'config:DescribeDeliveryChannels',
  'guardduty:ListDetectors',
  'guardduty:GetDetector',
  'guardduty:ListFindings',
  'guardduty:GetFindings',
  'securityhub:DescribeHub',
  'inspector2:BatchGetAccountStatus',
  'macie2:GetMacieSession',
  'macie2:GetAutomatedDiscoveryConfiguration',
  // Encryption, storage and network
  'ec2:GetEbsEncryptionByDefault',
  'ec2:DescribeVolumes',
  'ec2:DescribeSnapshots',
  'ec2:DescribeSnapshotAttribute',
  's3:ListAllMyBuckets',
  's3:GetBucketLocation',
  's3:GetEncryptionConfiguration',
  's3:GetBucketPolicy',
  's3:GetBucketPublicAccessBlock',
  's3:GetAccountPublicAccessBlock',
  's3:GetBucketVersioning',
  's3:GetBucketLogging',
  's3:GetBucketObjectLockConfiguration',
  'cloudfront:ListDistributions',
  'rds:DescribeDBInstances',
  'rds:DescribeDBSnapshots',
  'rds:DescribeDBSnapshotAttributes',
  'dynamodb:ListTables',
  'dynamodb:DescribeTable',
  'dynamodb:DescribeContinuousBackups',
  'kms:ListKeys',
  'kms:DescribeKey',
  'kms:GetKeyRotationStatus',
  'elasticfilesystem:DescribeFileSystems',
  'sns:ListTopics',
  'sns:GetTopicAttributes',
  'sqs:ListQueues',
  'sqs:GetQueueAttributes',
  'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeListeners',
  'backup:ListBackupPlans',
  'backup:GetBackupPlan',
  // RDS and Aurora depth, S3 depth, contingency (issue 12)
  'rds:DescribeDBParameters',
  'rds:DescribeDBClusters',
  'rds:DescribeDBClusterParameters',
  'rds:DescribeDBClusterSnapshots',
  'rds:DescribeDBClusterSnapshotAttributes',
  's3:GetBucketOwnershipControls',
  's3:GetBucketAcl',
  's3:GetBucketTagging',
  's3:GetReplicationConfiguration',
  's3:GetLifecycleConfiguration',
  'elasticfilesystem:DescribeBackupPolicy',
  'elasticfilesystem:DescribeFileSystemPolicy',
  'dynamodb:ListTagsOfResource',
  'dax:DescribeClusters',
  'backup:ListBackupSelections',
  'backup:GetBackupSelection',
  'backup:ListBackupVaults',
  'backup:GetBackupVaultAccessPolicy',
  'backup:ListRecoveryPointsByBackupVault',
  'backup:ListProtectedResources',
  'backup:ListRestoreTestingPlans',
  // External access and business associates
  'access-analyzer:ListAnalyzers',
  'access-analyzer:ListFindings',
  'artifact:ListCustomerAgreements',
  // Analytics and data services
  'redshift:DescribeClusters',
  'redshift:DescribeClusterParameters',
  'redshift:DescribeLoggingStatus',
  'es:ListDomainNames',
  'es:DescribeDomains',
  'elasticache:DescribeReplicationGroups',
  'elasticache:DescribeCacheClusters',
  'sagemaker:ListNotebookInstances',
  'sagemaker:DescribeNotebookInstance',
  'sagemaker:ListEndpointConfigs',
  'sagemaker:DescribeEndpointConfig',
  'kinesis:ListStreams',
  'kinesis:DescribeStreamSummary',
  'firehose:ListDeliveryStreams',
  'firehose:DescribeDeliveryStream',
  'dms:DescribeReplicationInstances',
  'dms:DescribeEndpoints',
  'secretsmanager:ListSecrets',
  'acm:ListCertificates',
  // VPC network exposure and EC2 compute
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeNetworkAcls',
  'ec2:DescribeSubnets',
  'ec2:DescribeInstances',
  'ec2:DescribeImages',
  'ec2:DescribeLaunchTemplateVersions',
  'autoscaling:DescribeLaunchConfigurations',
  'ssm:DescribeInstanceInformation',
  // Inventory (coverage: what exists that no check assesses)
  'config:GetDiscoveredResourceCounts',
  'resource-explorer-2:Search',
  // Load balancers, CloudFront and WAF (edge); DescribeLoadBalancers serves elbv2 and Classic ELB alike
  'elasticloadbalancing:DescribeLoadBalancerAttributes',
  'elasticloadbalancing:DescribeLoadBalancerPolicies',
  'wafv2:GetWebACLForResource',
  'cloudfront:GetDistributionConfig',
  // Lambda, API Gateway, containers and EMR (compute)
  'lambda:ListFunctions',
  'lambda:GetPolicy',
  'lambda:ListFunctionUrlConfigs',
  'apigateway:GET',
  'eks:ListClusters',
  'eks:DescribeCluster',
  'ecs:ListTaskDefinitionFamilies',
  'ecs:DescribeTaskDefinition',
  'ecr:DescribeRepositories',
  'ecr:GetRegistryScanningConfiguration',
  'elasticmapreduce:GetBlockPublicAccessConfiguration',
] as const;

/**
 * Actions granted on named resources instead of `*`. API Gateway's only read action, apigateway:GET,
 * would on `*` also read API key values (/apikeys/<id>?includeValue=true); the collectors need only
 * these paths (as AWS's SecurityAudit policy scopes it). `<partition>` is filled in by the stack.
 */
export const RESOURCE_SCOPED_ACTIONS: Readonly<Partial<Record<(typeof MEMBER_READ_ACTIONS)[number], readonly string[]>>> = {
  'apigateway:GET': [
    'arn:<partition>:apigateway:*::/restapis',
    'arn:<partition>:apigateway:*::/restapis/*/stages',
    'arn:<partition>:apigateway:*::/apis',
    'arn:<partition>:apigateway:*::/apis/*/stages',
    'arn:<partition>:apigateway:*::/domainnames',
  ],
};

/** Called only by the pipeline (resolve the organization's accounts), never in member accounts. */
export const PIPELINE_ONLY_ACTIONS = ['organizations:ListAccounts'] as const;

export const COLLECTOR_ACTIONS = [...MEMBER_READ_ACTIONS, ...PIPELINE_ONLY_ACTIONS] as const;
export type CollectorAction = (typeof COLLECTOR_ACTIONS)[number];
