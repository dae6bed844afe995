import { z } from 'zod';
import { collectedSchema } from './collected.js';

/** One elbv2 listener, as DescribeListeners returns it. */
export const ListenerSchema = z.object({
  arn: z.string(),
  port: z.number().nullable(),
  protocol: z.string(),
  sslPolicy: z.string().nullable(),
  /** Default action redirects to HTTPS (the accepted pattern for port 80). */
  redirectsToHttps: z.boolean(),
  /** The listener's default certificate(s) (DescribeListeners); SNI extras are not read. */
  certificateArns: z.array(z.string()),
});
export type Listener = z.infer<typeof ListenerSchema>;

export const LoadBalancerSchema = z.object({
  arn: z.string(),
  name: z.string(),
  /** application | network | gateway */
  type: z.string(),
  /** internet-facing | internal */
  scheme: z.string(),
  listeners: collectedSchema(z.array(ListenerSchema)),
  /** DescribeLoadBalancerAttributes as key/value pairs (access_logs.s3.enabled, deletion_protection.enabled, ...). */
  attributes: collectedSchema(z.record(z.string(), z.string())),
  /**
   * The WAFv2 web ACL ARN associated with the load balancer (data null: none). Absent for load balancers
   * that are not internet-facing ALBs: nothing is asked about them.
   */
  webAcl: collectedSchema(z.string().nullable()).optional(),
});
export type LoadBalancer = z.infer<typeof LoadBalancerSchema>;

export const ClassicListenerSchema = z.object({
  protocol: z.string(),
  port: z.number(),
  instanceProtocol: z.string().nullable(),
  certificateId: z.string().nullable(),
  policyNames: z.array(z.string()),
});
export type ClassicListener = z.infer<typeof ClassicListenerSchema>;

/** A Classic ELB SSL negotiation policy: its predefined reference, or the protocols it enables. */
export const ClassicPolicySchema = z.object({
  name: z.string(),
  referenceSecurityPolicy: z.string().nullable(),
  /** `Protocol-TLSv1.2` style attribute names set to true. */
  enabledProtocols: z.array(z.string()),
});
export type ClassicPolicy = z.infer<typeof ClassicPolicySchema>;

export const ClassicLoadBalancerSchema = z.object({
  name: z.string(),
  arn: z.string(),
  scheme: z.string(),
  listeners: z.array(ClassicListenerSchema),
  /** The load balancer's policies; absent when it has no HTTPS/SSL listener (nothing to ask). */
  policies: collectedSchema(z.array(ClassicPolicySchema)).optional(),
  accessLog: collectedSchema(z.object({ enabled: z.boolean(), bucket: z.string().nullable() })),
});
export type ClassicLoadBalancer = z.infer<typeof ClassicLoadBalancerSchema>;

export const DistributionConfigSchema = z.object({
  /** Default behavior first (pathPattern `*`), then ordered behaviors. */
  behaviors: z.array(z.object({ pathPattern: z.string(), viewerProtocolPolicy: z.string(), targetOriginId: z.string() })),
  defaultCertificate: z.boolean(),
  minimumProtocolVersion: z.string().nullable(),
  origins: z.array(
    z.object({
      id: z.string(),
      /** null: S3 (or other non-custom) origin, which CloudFront reaches over HTTPS. */
      protocolPolicy: z.string().nullable(),
      sslProtocols: z.array(z.string()),
    }),
  ),
  /** Standard (legacy) access logging to S3. */
  logging: z.object({ enabled: z.boolean(), bucket: z.string().nullable() }),
  /** Behaviors (path patterns) that send real-time logs to Kinesis. */
  realtimeLoggedBehaviors: z.array(z.string()),
  /** WAFv2 web ACL ARN or WAF Classic id; null when none. */
  webAclId: z.string().nullable(),
});
export type DistributionConfig = z.infer<typeof DistributionConfigSchema>;

export const DistributionSchema = z.object({
  id: z.string(),
  arn: z.string(),
  domainName: z.string(),
  config: collectedSchema(DistributionConfigSchema),
});
export type Distribution = z.infer<typeof DistributionSchema>;

export const EdgeRegionSchema = z.object({
  loadBalancers: collectedSchema(z.array(LoadBalancerSchema)),
  classicLoadBalancers: collectedSchema(z.array(ClassicLoadBalancerSchema)),
});
export type EdgeRegion = z.infer<typeof EdgeRegionSchema>;

/** Load balancers (elbv2 and Classic), CloudFront and their WAF associations. */
export const EdgeSnapshotSchema = z.object({
  /** Global: absent when the target does not include global services. */
  distributions: collectedSchema(z.array(DistributionSchema)).optional(),
  regions: z.record(z.string(), EdgeRegionSchema),
});
export type EdgeSnapshot = z.infer<typeof EdgeSnapshotSchema>;
