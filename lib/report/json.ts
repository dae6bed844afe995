import { z } from 'zod';
import { DEFAULT_THRESHOLDS, describeThresholds, ThresholdsRecordSchema } from '../checks/thresholds.js';
import { CollectionErrorSchema } from '../model/collection-error.js';
import { RegionCoverageSchema } from '../model/coverage.js';
import { FindingSchema, type Finding } from '../model/finding.js';
import { RUN_STATUSES, type ScanRun } from '../model/run.js';

/** The documented scan output; docs/scan-output.schema.json is generated from this. Bump schemaVersion on breaking change. */
export const ScanReportSchema = z
  .object({
    schemaVersion: z.literal(1),
    run: z.object({
      id: z.string(),
      startedAt: z.iso.datetime(),
      finishedAt: z.iso.datetime(),
      accountId: z.string().regex(/^\d{12}$/),
      regions: z.array(z.string()),
      status: z.enum(RUN_STATUSES).describe('PARTIAL when some API calls failed; the affected checks report ERROR'),
      collectionErrors: z.array(CollectionErrorSchema.extend({ accountId: z.string(), region: z.string().optional() })),
      thresholds: ThresholdsRecordSchema.describe(
        'The thresholds the checks used; weakerThanDefault and belowHipaaMinimum name values that make the scan more lenient',
      ),
      coverage: z
        .array(RegionCoverageSchema)
        .describe('What the run looked at and what it did not: resource types present per region, assessed or not'),
    }),
    findings: z.array(FindingSchema),
  })
  .describe('hipaa-audit scan --format json output');
export type ScanReport = z.infer<typeof ScanReportSchema>;

export function toScanReport(run: ScanRun, findings: readonly Finding[]): ScanReport {
  return {
    schemaVersion: 1,
    run: {
      id: run.id,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      accountId: run.accountIds[0] ?? '',
      regions: run.regions,
      status: run.status,
      collectionErrors: run.collectionErrors,
      thresholds: run.thresholds ?? describeThresholds(DEFAULT_THRESHOLDS),
      coverage: run.coverage ?? [],
    },
    findings: [...findings],
  };
}

export function scanReportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/hipaa-audit/hipaa-audit/docs/scan-output.schema.json',
    ...z.toJSONSchema(ScanReportSchema, { target: 'draft-2020-12' }),
  };
}
