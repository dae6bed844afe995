import { z } from 'zod';
import { scanTarget } from '../lib/pipeline/index.js';
import { defineHandler } from './handler-kit.js';

// One scan unit: built by the per-account ItemSelector from the target list the Distributed Map reads.
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
  (r) => ({ accountId: r.accountId, regions: r.regions, status: r.status, counts: r.counts, recordKey: r.recordKey }),
);
