import { z } from 'zod';

/**
 * The effective check thresholds of a run, as recorded in its JSON output, manifest and digest
 * (computed by describeThresholds in lib/checks/thresholds.ts).
 */
export const ThresholdsRecordSchema = z.object({
  values: z.record(z.string(), z.number()),
  /** Values less strict than the default. */
  weakerThanDefault: z.array(z.object({ key: z.string(), value: z.number(), default: z.number() })),
  /** Values below what HIPAA requires, accepted only with the explicit override. */
  belowHipaaMinimum: z.array(z.object({ key: z.string(), value: z.number(), minimum: z.number(), citation: z.string() })),
});
export type ThresholdsRecord = z.infer<typeof ThresholdsRecordSchema>;
