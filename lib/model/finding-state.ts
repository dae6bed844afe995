import { z } from 'zod';
import { FindingSchema } from './finding.js';
import { FINDING_STATUSES } from './status.js';

/** Current state of one (account, region, check, resource). */
export const FindingStateSchema = z.object({
  key: z.string(),
  finding: FindingSchema,
  /** Last status seen (FAIL, PASS, SUPPRESSED, ERROR, NOT_APPLICABLE). */
  status: z.enum(FINDING_STATUSES),
  /** The last status that was an actual assessment (not ERROR); used so ERROR never resolves a FAIL. */
  lastAssessedStatus: z.enum(FINDING_STATUSES).optional(),
  firstSeenAt: z.string(),
  /** When the current unbroken failure began; absent when not failing. */
  failingSince: z.string().optional(),
  lastSeenAt: z.string(),
  lastChangedAt: z.string(),
  lastRunId: z.string(),
  /** True once a run that assessed the scope no longer reported the resource. */
  gone: z.boolean().default(false),
  /** Has it ever been RESOLVED? Needed to tell REGRESSED from NEW. */
  everResolved: z.boolean().default(false),
});
export type FindingState = z.infer<typeof FindingStateSchema>;
