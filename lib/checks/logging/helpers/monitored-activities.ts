import { filterMatches, parseFilterPattern } from './filter-pattern.js';

/**
 * The activities the CIS AWS Foundations Benchmark (section "Monitoring") says a metric filter and alarm
 * must watch, each as CloudTrail records that must be caught and records that must not. A metric filter
 * passes for an activity when, run on those records, it selects every record of the activity and none of
 * the unrelated ones: an equivalent pattern written differently passes, and a pattern that mentions the
 * right words but selects nothing relevant (or selects everything) fails.
 */
export interface MonitoredActivity {
  /** What the filter detects, for reasons and remediation ("root account usage"). */
  subject: string;
  /** The CIS pattern, suggested in the remediation. */
  cisPattern: string;
  /** CloudTrail records the filter must select. */
  catches: readonly object[];
  /** Records it must not select, besides an ordinary read call. */
  ignores?: readonly object[];
}

const user = { type: 'IAMUser', userName: 'alice', arn: 'arn:aws:iam::111122223333:user/alice' };
const call = (eventSource: string, eventName: string, extra: object = {}): object => ({
  eventVersion: '1.09',
  eventSource,
  eventName,
  eventType: 'AwsApiCall',
  userIdentity: user,
  sourceIPAddress: '198.51.100.7',
  awsRegion: 'us-east-1',
  ...extra,
});
const calls = (eventSource: string, names: readonly string[]): object[] => names.map((n) => call(eventSource, n));

/** An ordinary successful read: a filter that selects it alarms on everything, which is no control. */
const ORDINARY_READ = call('ec2.amazonaws.com', 'DescribeInstances');

export const ACTIVITIES = {
  unauthorizedApiCalls: {
    subject: 'unauthorized API calls',
    cisPattern:
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    catches: [
      call('ec2.amazonaws.com', 'RunInstances', { errorCode: 'Client.UnauthorizedOperation' }),
      call('s3.amazonaws.com', 'PutBucketPolicy', { errorCode: 'AccessDenied' }),
      call('iam.amazonaws.com', 'CreateUser', { errorCode: 'AccessDeniedException' }),
    ],
  },
  consoleSignInWithoutMfa: {
    subject: 'console sign-in without MFA',
    cisPattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    catches: [call('signin.amazonaws.com', 'ConsoleLogin', { eventType: 'AwsConsoleSignIn', additionalEventData: { MFAUsed: 'No' }, responseElements: { ConsoleLogin: 'Success' } })],
    ignores: [call('signin.amazonaws.com', 'ConsoleLogin', { eventType: 'AwsConsoleSignIn', additionalEventData: { MFAUsed: 'Yes' }, responseElements: { ConsoleLogin: 'Success' } })],
  },
  rootUsage: {
    subject: 'root account usage',
    cisPattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    catches: [{ ...call('s3.amazonaws.com', 'ListBuckets'), userIdentity: { type: 'Root', arn: 'arn:aws:iam::111122223333:root' } }],
  },
  iamPolicyChanges: {
    subject: 'IAM policy changes',
    cisPattern:
      '{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy) }',
    catches: calls('iam.amazonaws.com', [
      'DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy',
      'CreatePolicy', 'DeletePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy',
      'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy',
    ]),
  },
  cloudTrailChanges: {
    subject: 'CloudTrail configuration changes',
    cisPattern: '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
    catches: calls('cloudtrail.amazonaws.com', ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging']),
  },
  consoleAuthFailures: {
    subject: 'console authentication failures',
    cisPattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    catches: [call('signin.amazonaws.com', 'ConsoleLogin', { eventType: 'AwsConsoleSignIn', errorMessage: 'Failed authentication', responseElements: { ConsoleLogin: 'Failure' } })],
    // A filter on every sign-in alarms on each successful one too: that is not failure monitoring.
    ignores: [call('signin.amazonaws.com', 'ConsoleLogin', { eventType: 'AwsConsoleSignIn', additionalEventData: { MFAUsed: 'Yes' }, responseElements: { ConsoleLogin: 'Success' } })],
  },
  kmsKeyDisabledOrDeleted: {
    subject: 'disabling or scheduled deletion of customer-managed KMS keys',
    cisPattern: '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
    catches: calls('kms.amazonaws.com', ['DisableKey', 'ScheduleKeyDeletion']),
    ignores: [call('kms.amazonaws.com', 'Decrypt')],
  },
  s3BucketPolicyChanges: {
    subject: 'S3 bucket policy changes',
    cisPattern:
      '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }',
    catches: calls('s3.amazonaws.com', [
      'PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle', 'PutBucketReplication',
      'DeleteBucketPolicy', 'DeleteBucketCors', 'DeleteBucketLifecycle', 'DeleteBucketReplication',
    ]),
  },
  configChanges: {
    subject: 'AWS Config configuration changes',
    cisPattern:
      '{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder)) }',
    catches: calls('config.amazonaws.com', ['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder']),
  },
  securityGroupChanges: {
    subject: 'security group changes',
    cisPattern:
      '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
    catches: calls('ec2.amazonaws.com', [
      'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress',
      'CreateSecurityGroup', 'DeleteSecurityGroup',
    ]),
  },
  networkAclChanges: {
    subject: 'network ACL changes',
    cisPattern:
      '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }',
    catches: calls('ec2.amazonaws.com', [
      'CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation',
    ]),
  },
  networkGatewayChanges: {
    subject: 'network gateway changes',
    cisPattern:
      '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }',
    catches: calls('ec2.amazonaws.com', [
      'CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway',
    ]),
  },
  routeTableChanges: {
    subject: 'route table changes',
    cisPattern:
      '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }',
    catches: calls('ec2.amazonaws.com', [
      'CreateRoute', 'CreateRouteTable', 'ReplaceRoute', 'ReplaceRouteTableAssociation', 'DeleteRouteTable', 'DeleteRoute', 'DisassociateRouteTable',
    ]),
  },
  vpcChanges: {
    subject: 'VPC changes',
    cisPattern:
      '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }',
    catches: calls('ec2.amazonaws.com', [
      'CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'AcceptVpcPeeringConnection', 'CreateVpcPeeringConnection', 'DeleteVpcPeeringConnection',
      'RejectVpcPeeringConnection',
    ]),
  },
} as const satisfies Record<string, MonitoredActivity>;

export type ActivityName = keyof typeof ACTIVITIES;

/** Does a metric filter with this pattern catch every record of the activity and nothing unrelated? */
export function catchesActivity(pattern: string, activity: MonitoredActivity): boolean {
  const parsed = parseFilterPattern(pattern);
  if (!parsed) return false;
  return (
    activity.catches.every((event) => filterMatches(parsed, event)) &&
    // eslint-disable-next-line no-restricted-syntax -- a static activity definition, not collected data
    [ORDINARY_READ, ...(activity.ignores ?? [])].every((event) => !filterMatches(parsed, event))
  );
}
