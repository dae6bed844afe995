import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { applyNagPacks } from '../../infra/nag.js';

describe('cdk-nag harness', () => {
  // Guards the "zero findings" test against passing because the packs silently did not run.
  it('fails synthesis and writes the report for a non-compliant resource', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'nag-harness-'));
    const app = new App({ outdir });
    new s3.Bucket(new Stack(app, 'Bad'), 'PlainBucket');
    applyNagPacks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-S1|HIPAA\.Security-S3/);
    const report = join(outdir, 'validation-report.json');
    expect(existsSync(report)).toBe(true);
    const rules = (JSON.parse(readFileSync(report, 'utf8')) as { pluginReports: { violations: { ruleName: string }[] }[] }).pluginReports.flatMap((p) =>
      p.violations.map((v) => v.ruleName),
    );
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'HIPAA.Security-S3DefaultEncryptionKMS']));
  });
});
