import { z } from 'zod';
import { sendScheduledDigest } from '../lib/pipeline/index.js';
import { defineHandler } from './handler-kit.js';

// The schedule passes its scheduled time, so a retried or late delivery reports the intended period.
const EventSchema = z.object({ now: z.iso.datetime({ offset: true }).optional() });

export const handler = defineHandler(
  'SendDigest',
  EventSchema,
  (env, input) => sendScheduledDigest(env, input.now ? { now: input.now } : {}),
  (r) => ({ sent: r.sent, ...(r.messageId ? { messageId: r.messageId } : {}), ...(r.bundleError ? { bundleMissing: r.bundleError } : {}) }),
);
