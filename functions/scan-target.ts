import { z } from 'zod';
import { scanTarget } from '../lib/pipeline/index.js';
import { defineHandler } from './handler-kit.js';

// One Map item: built by the state machine's ItemSelector from ResolveTargets' output.
const EventSchema = z.object({
  runId: z.string().min(1),
  target: z.object({
    accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit account id'),
    regions: z.array(z.string().min(1)).min(1),
    includeGlobal: z.boolean(),
  }),
});

export const handler = defineHandler(
  'ScanTarget',
  EventSchema,
  (env, input) => scanTarget(env, input),
  (r) => ({ accountId: r.accountId, status: r.status, counts: r.counts, findingsKey: r.findingsKey }),
);
