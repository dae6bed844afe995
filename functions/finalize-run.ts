import { z } from 'zod';
import { finalizeRun } from '../lib/pipeline/index.js';
import { defineHandler } from './handler-kit.js';

// Constant size whatever the number of accounts: the per-account results are in DynamoDB.
const EventSchema = z.object({
  runId: z.string().min(1),
  startedAt: z.string().min(1),
  executionId: z.string().min(1),
});

export const handler = defineHandler(
  'FinalizeRun',
  EventSchema,
  (env, input) => finalizeRun(env, input),
  (r) => ({ runId: r.runId, status: r.status, counts: r.counts }),
);
