import { z } from 'zod';
import { FindingSchema } from '../model/finding.js';
import { ScanRunSchema } from '../model/run.js';
import { ManifestEntrySchema } from './manifest.js';

/**
 * What one scan attempt (one account, one group of regions) leaves for the sealing step, in the work
 * bucket: its findings, its run summary, and the raw evidence objects it wrote (with their hashes),
 * all under its own attempt prefix. The seal lists exactly these objects in the account's manifest.
 */
export const ScanRecordSchema = z.object({
  kind: z.literal('hipaa-audit-scan-record'),
  accountId: z.string(),
  runId: z.string(),
  unitId: z.string(),
  attemptId: z.string(),
  includeGlobal: z.boolean(),
  run: ScanRunSchema,
  findings: z.array(FindingSchema),
  /** Manifest entries of the raw evidence this attempt wrote; paths relative to the run prefix. */
  entries: z.array(ManifestEntrySchema),
});
export type ScanRecord = z.infer<typeof ScanRecordSchema>;
