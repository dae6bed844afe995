import { z } from 'zod';
import { collectedSchema } from './collected.js';

/**
 * One security group permission (ingress or egress) as DescribeSecurityGroups returns it. `protocol` is
 * AWS's IpProtocol: `-1` (all), `tcp`, `udp`, `icmp`, `icmpv6` or a protocol number; ports are null for
 * `-1` and for protocols without ports.
 */
export const SecurityGroupRuleSchema = z.object({
  protocol: z.string(),
  fromPort: z.number().nullable(),
  toPort: z.number().nullable(),
  ipv4Ranges: z.array(z.string()),
  ipv6Ranges: z.array(z.string()),
  /** Managed prefix list ids; their CIDRs are not expanded (see the ingress checks). */
  prefixListIds: z.array(z.string()),
  /** Referenced security groups (`sg-...`), never public by themselves. */
  groupIds: z.array(z.string()),
});
export type SecurityGroupRule = z.infer<typeof SecurityGroupRuleSchema>;

export const SecurityGroupSchema = z.object({
  id: z.string(),
  arn: z.string(),
  name: z.string(),
  vpcId: z.string().nullable(),
  ownerId: z.string(),
  ingress: z.array(SecurityGroupRuleSchema),
  egress: z.array(SecurityGroupRuleSchema),
});
export type SecurityGroup = z.infer<typeof SecurityGroupSchema>;

/** What a network interface says about who uses a security group. */
export const NetworkInterfaceSchema = z.object({
  id: z.string(),
  groupIds: z.array(z.string()),
  /** The instance it is attached to, when it is an instance's interface. */
  instanceId: z.string().nullable(),
  /** `interface`, `lambda`, `network_load_balancer`, ... (AWS InterfaceType). */
  interfaceType: z.string().nullable(),
  /** AWS-written for managed interfaces, e.g. `ELB app/web/...`, `RDSNetworkInterface`. */
  description: z.string().nullable(),
});
export type NetworkInterface = z.infer<typeof NetworkInterfaceSchema>;

export const NetworkAclEntrySchema = z.object({
  ruleNumber: z.number(),
  egress: z.boolean(),
  action: z.string(),
  /** AWS protocol number as a string: `-1` all, `6` TCP, `17` UDP. */
  protocol: z.string(),
  ipv4Cidr: z.string().nullable(),
  ipv6Cidr: z.string().nullable(),
  fromPort: z.number().nullable(),
  toPort: z.number().nullable(),
});
export type NetworkAclEntry = z.infer<typeof NetworkAclEntrySchema>;

export const NetworkAclSchema = z.object({
  id: z.string(),
  arn: z.string(),
  vpcId: z.string().nullable(),
  isDefault: z.boolean(),
  subnetIds: z.array(z.string()),
  entries: z.array(NetworkAclEntrySchema),
});
export type NetworkAcl = z.infer<typeof NetworkAclSchema>;

export const SubnetSchema = z.object({
  id: z.string(),
  arn: z.string(),
  vpcId: z.string().nullable(),
  mapPublicIpOnLaunch: z.boolean(),
  defaultForAz: z.boolean(),
});
export type Subnet = z.infer<typeof SubnetSchema>;

export const InstanceSchema = z.object({
  id: z.string(),
  arn: z.string(),
  /** The `Name` tag, shown next to the id in reasons. */
  name: z.string().nullable(),
  state: z.string(),
  /** e.g. `User initiated (2026-01-02 10:00:00 GMT)`; the only stop time DescribeInstances reports. */
  stateTransitionReason: z.string().nullable(),
  launchTime: z.string().nullable(),
  publicIpAddress: z.string().nullable(),
  /** MetadataOptions.HttpTokens (`optional` | `required`) and HttpEndpoint (`enabled` | `disabled`). */
  httpTokens: z.string().nullable(),
  httpEndpoint: z.string().nullable(),
  instanceProfileArn: z.string().nullable(),
  /** Monitoring.State: `disabled` | `enabled` | `pending` (detailed, one-minute monitoring). */
  monitoring: z.string().nullable(),
  securityGroupIds: z.array(z.string()),
});
export type Instance = z.infer<typeof InstanceSchema>;

/** One node registered with Systems Manager (DescribeInstanceInformation). */
export const ManagedInstanceSchema = z.object({ instanceId: z.string(), pingStatus: z.string().nullable() });
export type ManagedInstance = z.infer<typeof ManagedInstanceSchema>;

export const ImageSchema = z.object({ id: z.string(), arn: z.string(), name: z.string().nullable(), public: z.boolean() });
export type Image = z.infer<typeof ImageSchema>;

export const LaunchTemplateSchema = z.object({
  id: z.string(),
  arn: z.string(),
  name: z.string(),
  /** The default version, the one an Auto Scaling group or RunInstances uses unless told otherwise. */
  defaultVersion: z.number(),
  /** AssociatePublicIpAddress of each network interface the default version defines (null: unset). */
  networkInterfaces: z.array(z.object({ deviceIndex: z.number().nullable(), associatePublicIpAddress: z.boolean().nullable() })),
  httpTokens: z.string().nullable(),
  httpEndpoint: z.string().nullable(),
});
export type LaunchTemplate = z.infer<typeof LaunchTemplateSchema>;

export const LaunchConfigurationSchema = z.object({
  name: z.string(),
  arn: z.string(),
  /** null: not set (the subnet's MapPublicIpOnLaunch decides). */
  associatePublicIpAddress: z.boolean().nullable(),
  httpTokens: z.string().nullable(),
  httpEndpoint: z.string().nullable(),
});
export type LaunchConfiguration = z.infer<typeof LaunchConfigurationSchema>;

export const NetworkRegionSchema = z.object({
  securityGroups: collectedSchema(z.array(SecurityGroupSchema)),
  networkInterfaces: collectedSchema(z.array(NetworkInterfaceSchema)),
  networkAcls: collectedSchema(z.array(NetworkAclSchema)),
  subnets: collectedSchema(z.array(SubnetSchema)),
  instances: collectedSchema(z.array(InstanceSchema)),
  /** null: not asked, because the region has no EC2 instances (or listing them failed). */
  managedInstances: collectedSchema(z.array(ManagedInstanceSchema)).nullable(),
  images: collectedSchema(z.array(ImageSchema)),
  launchTemplates: collectedSchema(z.array(LaunchTemplateSchema)),
  launchConfigurations: collectedSchema(z.array(LaunchConfigurationSchema)),
});
export type NetworkRegion = z.infer<typeof NetworkRegionSchema>;

/** VPC network exposure and EC2 compute, per region (no global part). */
export const NetworkSnapshotSchema = z.object({ regions: z.record(z.string(), NetworkRegionSchema) });
export type NetworkSnapshot = z.infer<typeof NetworkSnapshotSchema>;
