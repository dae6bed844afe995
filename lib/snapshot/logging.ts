import { z } from 'zod';
import { collectedSchema } from './collected.js';

/** Which management events a trail's selectors capture (ReadOnly + WriteOnly selectors combine to All). */
export const ManagementEventsSchema = z.enum(['All', 'ReadOnly', 'WriteOnly', 'None']);
export type ManagementEvents = z.infer<typeof ManagementEventsSchema>;

export const TrailStatusSchema = z.object({
  isLogging: z.boolean(),
  latestDeliveryTime: z.string().optional(),
  latestDeliveryError: z.string().optional(),
});

export const TrailSelectorsSchema = z.object({
  /** True when the trail uses advanced event selectors instead of classic ones. */
  advanced: z.boolean(),
  managementEvents: ManagementEventsSchema,
  /** Object-level (data plane) S3 events are recorded for at least some buckets. */
  s3DataEvents: z.boolean(),
});
export type TrailSelectors = z.infer<typeof TrailSelectorsSchema>;

export const TrailSchema = z.object({
  name: z.string(),
  arn: z.string(),
  homeRegion: z.string(),
  isMultiRegionTrail: z.boolean(),
  isOrganizationTrail: z.boolean(),
  logFileValidationEnabled: z.boolean(),
  kmsKeyId: z.string().optional(),
  cloudWatchLogsLogGroupArn: z.string().optional(),
  s3BucketName: z.string().optional(),
  status: collectedSchema(TrailStatusSchema),
  selectors: collectedSchema(TrailSelectorsSchema),
});
export type Trail = z.infer<typeof TrailSchema>;

export const CloudTrailRegionSchema = z.object({
  /** Trails assessed in this region: homed here, or homed in a region outside the scope. */
  trails: z.array(TrailSchema),
  /** ARNs of multi-region trails visible here but assessed in another in-scope region (no duplicates). */
  otherTrailArns: z.array(z.string()),
});
export type CloudTrailRegion = z.infer<typeof CloudTrailRegionSchema>;

export const LogGroupSchema = z.object({
  name: z.string(),
  arn: z.string(),
  /** Absent means events never expire. */
  retentionInDays: z.number().optional(),
  kmsKeyId: z.string().optional(),
});
export type LogGroup = z.infer<typeof LogGroupSchema>;

export const MetricFilterSchema = z.object({
  name: z.string(),
  logGroupName: z.string(),
  pattern: z.string(),
  metrics: z.array(z.object({ name: z.string(), namespace: z.string() })),
});
export type MetricFilter = z.infer<typeof MetricFilterSchema>;

export const AlarmSchema = z.object({
  name: z.string(),
  arn: z.string(),
  actionsEnabled: z.boolean(),
  alarmActions: z.array(z.string()),
  /** Metrics the alarm watches: its own metric, or every MetricStat of a metric-math alarm. */
  metrics: z.array(z.object({ name: z.string(), namespace: z.string() })),
});
export type Alarm = z.infer<typeof AlarmSchema>;

export const VpcSchema = z.object({ vpcId: z.string(), ownerId: z.string().optional(), isDefault: z.boolean() });
export type Vpc = z.infer<typeof VpcSchema>;

export const FlowLogSchema = z.object({
  flowLogId: z.string(),
  resourceId: z.string(),
  trafficType: z.string().optional(),
  flowLogStatus: z.string().optional(),
  deliverLogsStatus: z.string().optional(),
  logDestinationType: z.string().optional(),
});
export type FlowLog = z.infer<typeof FlowLogSchema>;

export const ConfigRecorderSchema = z.object({
  name: z.string(),
  allSupported: z.boolean(),
  includeGlobalResourceTypes: z.boolean(),
  /** Count of explicitly listed resource types when not recording all. */
  resourceTypeCount: z.number(),
});
export type ConfigRecorder = z.infer<typeof ConfigRecorderSchema>;

export const ConfigRecorderStatusSchema = z.object({
  name: z.string(),
  recording: z.boolean(),
  lastStatus: z.string().optional(),
});

export const DeliveryChannelSchema = z.object({ name: z.string(), s3BucketName: z.string().optional() });

export const GuardDutyDetectorSchema = z.object({
  detectorId: z.string(),
  detail: collectedSchema(z.object({ status: z.string() })),
});
export type GuardDutyDetector = z.infer<typeof GuardDutyDetectorSchema>;

export const SecurityHubSchema = z.object({
  enabled: z.boolean(),
  hubArn: z.string().optional(),
  subscribedAt: z.string().optional(),
});

export const LoggingRegionSchema = z.object({
  cloudtrail: collectedSchema(CloudTrailRegionSchema),
  logGroups: collectedSchema(z.array(LogGroupSchema)),
  metricFilters: collectedSchema(z.array(MetricFilterSchema)),
  alarms: collectedSchema(z.array(AlarmSchema)),
  vpcs: collectedSchema(z.array(VpcSchema)),
  flowLogs: collectedSchema(z.array(FlowLogSchema)),
  configRecorders: collectedSchema(z.array(ConfigRecorderSchema)),
  configRecorderStatus: collectedSchema(z.array(ConfigRecorderStatusSchema)),
  deliveryChannels: collectedSchema(z.array(DeliveryChannelSchema)),
  guardDutyDetectors: collectedSchema(z.array(GuardDutyDetectorSchema)),
  securityHub: collectedSchema(SecurityHubSchema),
});
export type LoggingRegion = z.infer<typeof LoggingRegionSchema>;

export const LoggingSnapshotSchema = z.object({
  regions: z.record(z.string(), LoggingRegionSchema),
});
export type LoggingSnapshot = z.infer<typeof LoggingSnapshotSchema>;
