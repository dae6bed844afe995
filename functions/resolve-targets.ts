import { z } from 'zod';
import { resolveTargets } from '../lib/pipeline/index.js';
import { defineHandler } from './handler-kit.js';

// The state machine passes the execution input (`{}` from the schedule; an operator may pass a runId to
// re-run it) with the execution's id and start time, which make a retried ResolveTargets idempotent.
const EventSchema = z.object({
  request: z.object({ runId: z.string().min(1).optional() }),
  executionId: z.string().min(1),
  startedAt: z.iso.datetime({ offset: true }),
});

export const handler = defineHandler(
  'ResolveTargets',
  EventSchema,
  (env, input) => resolveTargets(env, { executionId: input.executionId, startedAt: input.startedAt, ...(input.request.runId ? { runId: input.request.runId } : {}) }),
  (r) => ({ runId: r.runId, accounts: r.targets.accounts, targetList: r.targets.key }),
);
