import { z } from 'zod';
import { collectedSchema } from './collected.js';

/** One active IAM Access Analyzer finding: a resource reachable from outside the zone of trust. */
export const AccessFindingSchema = z.object({
  id: z.string(),
  resource: z.string().nullable(),
  resourceType: z.string(),
  resourceOwnerAccount: z.string().nullable(),
  /** The external principal, as Access Analyzer reports it (`{ "AWS": "111122223333" }`, `{ "AWS": "*" }`). */
  principal: z.record(z.string(), z.string()),
  isPublic: z.boolean(),
  actions: z.array(z.string()),
});
export type AccessFinding = z.infer<typeof AccessFindingSchema>;

export const AnalyzerSchema = z.object({
  name: z.string(),
  arn: z.string(),
  /** ACCOUNT / ORGANIZATION (external access) or the unused- and internal-access types. */
  type: z.string(),
  status: z.string(),
  /**
   * Active findings, listed only for ACTIVE external-access analyzers (ACCOUNT, ORGANIZATION); absent for
   * the others, whose findings are not about external access.
   */
  activeFindings: collectedSchema(z.array(AccessFindingSchema)).optional(),
});
export type Analyzer = z.infer<typeof AnalyzerSchema>;

export const ExternalRegionSchema = z.object({
  analyzers: collectedSchema(z.array(AnalyzerSchema)),
});
export type ExternalRegion = z.infer<typeof ExternalRegionSchema>;

/** An AWS Artifact agreement accepted by the account or its organization (ListCustomerAgreements). */
export const CustomerAgreementSchema = z.object({
  name: z.string(),
  arn: z.string(),
  agreementArn: z.string().nullable(),
  awsAccountId: z.string().nullable(),
  organizationArn: z.string().nullable(),
  state: z.string(),
  type: z.string().nullable(),
  effectiveStart: z.string().nullable(),
});
export type CustomerAgreement = z.infer<typeof CustomerAgreementSchema>;

/**
 * Who outside the account can reach in, and on what terms: IAM Access Analyzer per region, and the
 * AWS agreements (the Business Associate Addendum) accepted in AWS Artifact, which is global and absent
 * when the target does not include global services.
 */
export const ExternalSnapshotSchema = z.object({
  agreements: collectedSchema(z.array(CustomerAgreementSchema)).optional(),
  regions: z.record(z.string(), ExternalRegionSchema),
});
export type ExternalSnapshot = z.infer<typeof ExternalSnapshotSchema>;
