import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, describeThresholds, parseThresholds, ThresholdsError } from '../../lib/checks/thresholds.js';
import { parsePipelineConfig } from '../../lib/config/pipeline-config.js';
import { ManifestSchema } from '../../lib/evidence/manifest.js';
import { loadPipelineEnv, pipelineThresholds } from '../../lib/pipeline/env.js';
import { ScanReportSchema, toScanReport } from '../../lib/report/json.js';
import { countByStatus, type ScanRun } from '../../lib/model/run.js';

describe('thresholds', () => {
  it('rejects a misspelt key instead of silently using the default', () => {
    expect(() => parseThresholds({ auditLogRetentionDay: 3000 })).toThrow(/unknown threshold\(s\) auditLogRetentionDay; expected only passwordMinLength/);
  });

  it('refuses values below HIPAA\'s six-year retention unless explicitly overridden', () => {
    expect(() => parseThresholds({ auditLogRetentionDays: 1 })).toThrow(ThresholdsError);
    expect(() => parseThresholds({ auditLogRetentionDays: 1 })).toThrow(/below 2192 \(164\.316\(b\)\(2\)\(i\)/);
    expect(parseThresholds({ auditLogRetentionDays: 1 }, { allowBelowHipaaMinimum: true }).auditLogRetentionDays).toBe(1);
    expect(parseThresholds({ auditLogRetentionDays: 2192 }).auditLogRetentionDays).toBe(2192);
  });

  it('records the effective values, marking weaker ones in the right direction', () => {
    const record = describeThresholds({ ...DEFAULT_THRESHOLDS, passwordMinLength: 20, passwordMaxAgeDays: 365, auditLogRetentionDays: 30 });
    expect(record.values).toMatchObject({ passwordMinLength: 20, passwordMaxAgeDays: 365, auditLogRetentionDays: 30 });
    expect(record.weakerThanDefault.map((w) => w.key)).toEqual(['passwordMaxAgeDays', 'auditLogRetentionDays']);
    expect(record.belowHipaaMinimum).toEqual([{ key: 'auditLogRetentionDays', value: 30, minimum: 2192, citation: '164.316(b)(2)(i)' }]);
    expect(describeThresholds(DEFAULT_THRESHOLDS)).toMatchObject({ weakerThanDefault: [], belowHipaaMinimum: [] });
  });

  it('travel with the run into the JSON output and the signed manifest', () => {
    const thresholds = describeThresholds({ ...DEFAULT_THRESHOLDS, backupRetentionDays: 1 });
    const run: ScanRun = {
      id: 'run-1', startedAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:01:00.000Z', accountIds: ['123456789012'],
      regions: ['us-east-1'], status: 'COMPLETE', counts: countByStatus([]), collectionErrors: [], thresholds,
    };
    expect(ScanReportSchema.parse(toScanReport(run, [])).run.thresholds).toEqual(thresholds);
    expect(ManifestSchema.shape.run.parse(run).thresholds).toEqual(thresholds);
  });
});

describe('thresholds in the pipeline configuration', () => {
  const base = {
    officerEmails: ['officer@example.org'], senderEmail: 'audit@example.org', organizationName: 'Clinic',
    targets: { accounts: ['111111111111'] }, regions: ['us-east-1'],
  };

  it('are validated at synth: unknown keys and sub-HIPAA values without the override fail', () => {
    expect(() => parsePipelineConfig({ ...base, thresholds: { auditLogRetentionDays: 1 } })).toThrow(/thresholds: auditLogRetentionDays 1 is below 2192/);
    expect(() => parsePipelineConfig({ ...base, thresholds: { passwordLength: 10 } })).toThrow(/thresholds/);
    expect(parsePipelineConfig({ ...base, thresholds: { auditLogRetentionDays: 1 }, allowBelowHipaaMinimum: true }).thresholds).toMatchObject({ auditLogRetentionDays: 1 });
  });

  it('reach the scan through the environment the construct sets', () => {
    const env = loadPipelineEnv({
      AWS_REGION: 'us-east-1', TABLE_NAME: 't', EVIDENCE_BUCKET: 'b', SIGNING_KEY_ID: 'k', TARGET_ACCOUNTS: '111111111111', REGIONS: 'us-east-1',
      OFFICER_EMAILS: 'officer@example.org', SENDER_EMAIL: 'audit@example.org', ORGANIZATION_NAME: 'Clinic',
      THRESHOLDS: JSON.stringify({ passwordMinLength: 16 }),
    });
    expect(pipelineThresholds(env)).toMatchObject({ passwordMinLength: 16, auditLogRetentionDays: 2192, officerEmails: ['officer@example.org'] });
    expect(() => pipelineThresholds({ ...env, THRESHOLDS: JSON.stringify({ auditLogRetentionDays: 7 }) })).toThrow(/Invalid pipeline environment/);
    expect(pipelineThresholds({ ...env, THRESHOLDS: JSON.stringify({ auditLogRetentionDays: 7 }), ALLOW_BELOW_HIPAA_MINIMUM: 'true' }).auditLogRetentionDays).toBe(7);
  });
});
