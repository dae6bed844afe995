import { z } from 'zod';
import { FINDING_STATUSES } from './status.js';
import { ResourceRefSchema } from './resource.js';
import { SEVERITIES } from './severity.js';

export const SuppressionRefSchema = z.object({
  id: z.string(),
  reason: z.string(),
  approvedBy: z.string(),
  expiresAt: z.string(),
});

/** A check result joined with its check's metadata: the unit stored, reported and emailed. */
export const FindingSchema = z.object({
  checkId: z.string(),
  title: z.string(),
  citations: z.array(z.string()).min(1),
  severity: z.enum(SEVERITIES),
  status: z.enum(FINDING_STATUSES),
  resource: ResourceRefSchema,
  reason: z.string(),
  remediation: z.string(),
  /** Present when status is SUPPRESSED: the documented risk acceptance that applies. */
  suppression: SuppressionRefSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Stable identity of a finding across runs: one check about one resource. */
export function findingKey(finding: Pick<Finding, 'checkId' | 'resource'>): string {
  const { accountId, region, arn } = finding.resource;
  return `${accountId}#${region}#${finding.checkId}#${arn}`;
}
