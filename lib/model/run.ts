import { z } from 'zod';
import { CollectionErrorSchema } from './collection-error.js';
import { RegionCoverageSchema } from './coverage.js';
import { FINDING_STATUSES } from './status.js';
import { ThresholdsRecordSchema } from './thresholds.js';

export const RUN_STATUSES = ['COMPLETE', 'PARTIAL', 'FAILED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const StatusCountsSchema = z.record(z.enum(FINDING_STATUSES), z.number().int().nonnegative());
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

/** One audit run: the unit that findings, evidence and digests refer to. */
export const ScanRunSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  accountIds: z.array(z.string()).min(1),
  regions: z.array(z.string()),
  status: z.enum(RUN_STATUSES),
  counts: StatusCountsSchema,
  /** Calls that failed; the checks depending on them reported ERROR. */
  collectionErrors: z.array(CollectionErrorSchema.extend({ accountId: z.string(), region: z.string().optional() })),
  /** The thresholds the checks used, marking values weaker than the default or below HIPAA's minimum. */
  thresholds: ThresholdsRecordSchema.optional(),
  /** Per account and region: the resource types present and whether the run assessed them. */
  coverage: z.array(RegionCoverageSchema).optional(),
});
export type ScanRun = z.infer<typeof ScanRunSchema>;

/** Sortable, unique run id: time first so DynamoDB range keys and S3 prefixes order by time. */
export function newRunId(startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `run-${stamp}-${random}`;
}

export function countByStatus(findings: readonly { status: (typeof FINDING_STATUSES)[number] }[]): StatusCounts {
  const counts = Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const f of findings) counts[f.status] = (counts[f.status] ?? 0) + 1;
  return counts;
}
