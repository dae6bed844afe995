import { z } from 'zod';
import { sealAccount, type ScanOutcomeOrFailure } from '../lib/pipeline/index.js';
import { defineHandler } from './handler-kit.js';

const OutcomeSchema = z.object({
  accountId: z.string(),
  regions: z.array(z.string()),
  includeGlobal: z.boolean(),
  status: z.enum(['COMPLETE', 'PARTIAL']),
  recordKey: z.string().min(1),
  counts: z.record(z.string(), z.number()),
});
// What the state machine's Catch turns a scan that failed after its retries into.
const FailureSchema = z.object({
  accountId: z.string(),
  regions: z.array(z.string()),
  includeGlobal: z.boolean(),
  error: z.object({ Error: z.string(), Cause: z.string().default('') }),
});
const EventSchema = z.object({
  runId: z.string().min(1),
  startedAt: z.string().min(1),
  accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit account id'),
  scans: z.array(z.union([OutcomeSchema, FailureSchema])).min(1),
});

export const handler = defineHandler(
  'SealAccount',
  EventSchema,
  (env, input) => sealAccount(env, { ...input, scans: input.scans satisfies ScanOutcomeOrFailure[] }),
  (r) => ({ accountId: r.accountId, status: r.status, counts: r.counts, manifestKey: r.manifestKey }),
);
