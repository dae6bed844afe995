import type { CheckDefinition } from '../types.js';
import { check as cloudtrailCloudwatchLogsIntegration } from './cloudtrail_cloudwatch_logs_integration.js';
import { check as cloudtrailKmsEncryption } from './cloudtrail_kms_encryption.js';
import { check as cloudtrailLogFileValidationEnabled } from './cloudtrail_log_file_validation_enabled.js';
import { check as cloudtrailMultiRegionEnabled } from './cloudtrail_multi_region_enabled.js';
import { check as cloudtrailS3DataEventsEnabled } from './cloudtrail_s3_data_events_enabled.js';
import { check as cloudtrailTrailLogging } from './cloudtrail_trail_logging.js';
import { check as cloudwatchAlarmCloudtrailConfigChanges } from './cloudwatch_alarm_cloudtrail_config_changes.js';
import { check as cloudwatchAlarmConsoleAuthFailures } from './cloudwatch_alarm_console_auth_failures.js';
import { check as cloudwatchAlarmIamPolicyChanges } from './cloudwatch_alarm_iam_policy_changes.js';
import { check as cloudwatchAlarmRootUsage } from './cloudwatch_alarm_root_usage.js';
import { check as cloudwatchAlarmUnauthorizedApiCalls } from './cloudwatch_alarm_unauthorized_api_calls.js';
import { check as cloudwatchAlarmSecurityGroupChanges } from './cloudwatch_alarm_security_group_changes.js';
import { check as cloudwatchAlarmNetworkAclChanges } from './cloudwatch_alarm_network_acl_changes.js';
import { check as cloudwatchAlarmNetworkGatewayChanges } from './cloudwatch_alarm_network_gateway_changes.js';
import { check as cloudwatchAlarmRouteTableChanges } from './cloudwatch_alarm_route_table_changes.js';
import { check as cloudwatchAlarmVpcChanges } from './cloudwatch_alarm_vpc_changes.js';
import { check as cloudwatchAlarmConsoleSigninWithoutMfa } from './cloudwatch_alarm_console_signin_without_mfa.js';
import { check as cloudwatchAlarmKmsKeyDisabledOrDeleted } from './cloudwatch_alarm_kms_key_disabled_or_deleted.js';
import { check as cloudwatchAlarmS3BucketPolicyChanges } from './cloudwatch_alarm_s3_bucket_policy_changes.js';
import { check as cloudwatchAlarmAwsConfigChanges } from './cloudwatch_alarm_aws_config_changes.js';
import { check as cloudwatchLogGroupKmsEncryption } from './cloudwatch_log_group_kms_encryption.js';
import { check as cloudwatchLogGroupRetentionSixYears } from './cloudwatch_log_group_retention_six_years.js';
import { check as configDeliveryChannelConfigured } from './config_delivery_channel_configured.js';
import { check as configRecorderEnabled } from './config_recorder_enabled.js';
import { check as guarddutyDetectorEnabled } from './guardduty_detector_enabled.js';
import { check as securityhubHubEnabled } from './securityhub_hub_enabled.js';
import { check as vpcFlowLogsEnabled } from './vpc_flow_logs_enabled.js';
import { check as cloudwatchAlarmActionHasSubscriber } from './cloudwatch_alarm_action_has_subscriber.js';
import { check as guarddutyNoStaleHighFindings } from './guardduty_no_stale_high_findings.js';
import { check as guarddutyS3ProtectionEnabled } from './guardduty_s3_protection_enabled.js';
import { check as guarddutyRdsProtectionEnabled } from './guardduty_rds_protection_enabled.js';
import { check as inspector2ScanningEnabled } from './inspector2_scanning_enabled.js';
import { check as macieAutomatedDiscoveryEnabled } from './macie_automated_discovery_enabled.js';
import { check as cloudtrailBucketNotPublic } from './cloudtrail_bucket_not_public.js';
import { check as cloudtrailBucketAccessLogging } from './cloudtrail_bucket_access_logging.js';

export const loggingChecks: readonly CheckDefinition[] = [
  cloudtrailMultiRegionEnabled,
  cloudtrailTrailLogging,
  cloudtrailLogFileValidationEnabled,
  cloudtrailKmsEncryption,
  cloudtrailCloudwatchLogsIntegration,
  cloudtrailS3DataEventsEnabled,
  cloudwatchLogGroupRetentionSixYears,
  cloudwatchLogGroupKmsEncryption,
  cloudwatchAlarmRootUsage,
  cloudwatchAlarmConsoleAuthFailures,
  cloudwatchAlarmIamPolicyChanges,
  cloudwatchAlarmCloudtrailConfigChanges,
  cloudwatchAlarmUnauthorizedApiCalls,
  cloudwatchAlarmSecurityGroupChanges,
  cloudwatchAlarmNetworkAclChanges,
  cloudwatchAlarmNetworkGatewayChanges,
  cloudwatchAlarmRouteTableChanges,
  cloudwatchAlarmVpcChanges,
  cloudwatchAlarmConsoleSigninWithoutMfa,
  cloudwatchAlarmKmsKeyDisabledOrDeleted,
  cloudwatchAlarmS3BucketPolicyChanges,
  cloudwatchAlarmAwsConfigChanges,
  vpcFlowLogsEnabled,
  configRecorderEnabled,
  configDeliveryChannelConfigured,
  guarddutyDetectorEnabled,
  securityhubHubEnabled,
  cloudwatchAlarmActionHasSubscriber,
  guarddutyNoStaleHighFindings,
  guarddutyS3ProtectionEnabled,
  guarddutyRdsProtectionEnabled,
  inspector2ScanningEnabled,
  macieAutomatedDiscoveryEnabled,
  cloudtrailBucketNotPublic,
  cloudtrailBucketAccessLogging,
];
