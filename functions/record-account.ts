import { z } from 'zod';
import { recordAccount } from '../lib/pipeline/index.js';
import { defineHandler } from './handler-kit.js';

// After SealAccount (its result is not needed: the findings are read back from the sealed evidence), or
// from SealAccount's Catch with the error, when nothing of the account could be sealed.
const EventSchema = z.object({
  runId: z.string().min(1),
  startedAt: z.string().min(1),
  accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit account id'),
  error: z.object({ Error: z.string(), Cause: z.string().default('') }).optional(),
});

export const handler = defineHandler(
  'RecordAccount',
  EventSchema,
  (env, input) => recordAccount(env, { runId: input.runId, startedAt: input.startedAt, accountId: input.accountId, ...(input.error ? { error: input.error } : {}) }),
  (r) => ({ accountId: r.accountId, status: r.status, counts: r.counts, ...(r.securityHub ? { securityHub: r.securityHub } : {}) }),
);
