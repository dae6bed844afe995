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

/** A high-severity (>= 7), unarchived GuardDuty finding, as GetFindings describes it. */
export const GuardDutyFindingSchema = z.object({
  id: z.string(),
  type: z.string(),
  severity: z.number(),
  /** When GuardDuty first reported it: how long it has been left open. */
  createdAt: z.string(),
  /** What it is about ("Instance i-0abc", "AccessKey AKIA..."), for the reason. */
  resource: z.string(),
});
export type GuardDutyFinding = z.infer<typeof GuardDutyFindingSchema>;

export const GuardDutyHighFindingsSchema = z.object({
  /** Every unarchived finding with severity >= 7 (ListFindings). */
  total: z.number(),
  /** Details of the oldest of them (ListFindings sorted by createdAt ascending, one GetFindings call of at most 50). */
  oldest: z.array(GuardDutyFindingSchema),
});
export type GuardDutyHighFindings = z.infer<typeof GuardDutyHighFindingsSchema>;

export const GuardDutyDetectorSchema = z.object({
  detectorId: z.string(),
  detail: collectedSchema(
    z.object({
      status: z.string(),
      /** GetDetector `Features` (S3_DATA_EVENTS, RDS_LOGIN_EVENTS, ...) with their status. */
      features: z.array(z.object({ name: z.string(), status: z.string() })),
    }),
  ),
  highFindings: collectedSchema(GuardDutyHighFindingsSchema),
});
export type GuardDutyDetector = z.infer<typeof GuardDutyDetectorSchema>;

export const SecurityHubSchema = z.object({
  enabled: z.boolean(),
  hubArn: z.string().optional(),
  subscribedAt: z.string().optional(),
});

/** Amazon Inspector (v2) scanning state of the account in one region (BatchGetAccountStatus). */
export const InspectorStatusSchema = z.object({
  /** The account's overall state: ENABLED, ENABLING, DISABLED, DISABLING, SUSPENDED, SUSPENDING. */
  state: z.string(),
  /** Per scan type state; absent when Inspector did not report that type. */
  ec2: z.string().optional(),
  ecr: z.string().optional(),
  lambda: z.string().optional(),
});
export type InspectorStatus = z.infer<typeof InspectorStatusSchema>;

export const MacieSchema = z.object({
  /** GetMacieSession status (ENABLED, PAUSED); null when Macie is not enabled in the region. */
  status: z.string().nullable(),
  /** GetAutomatedDiscoveryConfiguration status; null when Macie is not enabled (the call is not made). */
  automatedDiscovery: collectedSchema(z.string()).nullable(),
});
export type Macie = z.infer<typeof MacieSchema>;

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
  inspector: collectedSchema(InspectorStatusSchema),
  macie: collectedSchema(MacieSchema),
});
export type LoggingRegion = z.infer<typeof LoggingRegionSchema>;

export const LoggingSnapshotSchema = z.object({
  regions: z.record(z.string(), LoggingRegionSchema),
});
export type LoggingSnapshot = z.infer<typeof LoggingSnapshotSchema>;
