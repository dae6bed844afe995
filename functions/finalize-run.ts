import { z } from 'zod';
import { finalizeRun, type TargetOutcomeOrFailure } from '../lib/pipeline/index.js';
import { defineHandler } from './handler-kit.js';

const OutcomeSchema = z.object({
  accountId: z.string(),
  status: z.enum(['COMPLETE', 'PARTIAL']),
  findingsKey: z.string(),
  counts: z.record(z.string(), z.number()),
});
// What the state machine's Catch turns a failed ScanTarget into.
const FailureSchema = z.object({
  accountId: z.string(),
  error: z.object({ Error: z.string(), Cause: z.string().default('') }),
});
const EventSchema = z.object({
  runId: z.string().min(1),
  startedAt: z.string().min(1),
  outcomes: z.array(z.union([OutcomeSchema, FailureSchema])),
});

export const handler = defineHandler(
  'FinalizeRun',
  EventSchema,
  (env, input) => finalizeRun(env, { ...input, outcomes: input.outcomes satisfies TargetOutcomeOrFailure[] }),
  (r) => ({ runId: r.runId, status: r.status, counts: r.counts }),
);
