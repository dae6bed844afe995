import { z } from 'zod';
import { resolveTargets } from '../lib/pipeline/index.js';
import { defineHandler } from './handler-kit.js';

// A scheduled run starts with `{}`; an operator may pass a runId to re-run it. Extra keys are ignored.
const EventSchema = z.object({ runId: z.string().min(1).optional() });

export const handler = defineHandler(
  'ResolveTargets',
  EventSchema,
  (env, input) => resolveTargets(env, input.runId ? { runId: input.runId } : {}),
  (r) => ({ runId: r.runId, targets: r.targets.length, accounts: new Set(r.targets.map((t) => t.accountId)).size }),
);
