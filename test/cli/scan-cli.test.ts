import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLINIC, seedClinicAccount } from '../../scripts/demo/clinic-account.js';
import { validateWithPyOcsfModels } from '../report/validate-ocsf.js';
import { buildCli, runCli } from '../support/cli.js';
import { paginateGetFindings, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';

interface ReportFinding {
  checkId: string;
  status: string;
  citations: string[];
  reason: string;
  resource: { id: string; region: string };
}

let moto: MotoServer;
let dir: string;

beforeAll(async () => {
  await buildCli();
  moto = await startMoto();
  const clients = motoClients(moto);
  await seedClinicAccount(clients, DEMO_CLINIC.region);
  clients.destroy();
  dir = await mkdtemp(join(tmpdir(), 'hipaa-cli-'));
});
afterAll(async () => {
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('hipaa-audit scan (built binary against moto)', () => {
  it('writes JSON that validates against docs/scan-output.schema.json, with the seeded failures and their citations', async () => {
    const out = join(dir, 'scan.json');
    const result = await runCli(['scan', '--endpoint-url', moto.url, '--regions', 'us-east-1', '--format', 'json', '--output', out]);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(await readFile(out, 'utf8')) as { run: { accountId: string }; findings: ReportFinding[] };

    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('docs/scan-output.schema.json', 'utf8')) as object);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.run.accountId).toBe('123456789012');

    const failing = (checkId: string, resourceId: string) =>
      report.findings.find((f) => f.checkId === checkId && f.resource.id === resourceId && f.status === 'FAIL');
    expect(failing('iam_user_console_mfa_enabled', 'billing.bob')?.citations).toEqual(expect.arrayContaining(['164.312(d)']));
    expect(failing('iam_role_max_session_duration', 'ehr-app')?.citations).toEqual(['164.312(a)(2)(iii)']);
    expect(failing('s3_bucket_default_encryption', DEMO_CLINIC.exportsBucket)?.citations).toEqual(['164.312(a)(2)(iv)']);
    expect(failing('rds_instance_not_publicly_accessible', 'reporting-db')?.reason).toContain('reporting-db');
    expect(report.findings.find((f) => f.checkId === 'iam_user_console_mfa_enabled' && f.resource.id === 'dr.alice')?.status).toBe('PASS');
    expect(report.findings.find((f) => f.checkId === 's3_bucket_default_encryption' && f.resource.id === DEMO_CLINIC.phiBucket)?.status).toBe('PASS');
    expect(result.stderr).toContain('[collect]');
  });

  it('prints a table grouped by HIPAA standard with failures and how to fix them', async () => {
    const result = await runCli(['scan', '--endpoint-url', moto.url, '--regions', 'us-east-1', '--checks', 'iam_user_console_mfa_enabled,ec2_ebs_volume_encrypted']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('== 164.312(d) Person or entity authentication');
    expect(result.stdout).toContain('== 164.312(a) Access control');
    expect(result.stdout).toMatch(/FAIL\s+high\s+iam_user_console_mfa_enabled\s+\[164\.312\(d\)/);
    expect(result.stdout).toContain('Fix:');
  });

  it('writes CSV with one row per finding', async () => {
    const result = await runCli(['scan', '--endpoint-url', moto.url, '--regions', 'us-east-1', '--checks', 'kms_key_rotation_enabled', '--format', 'csv']);
    const lines = result.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^checkId,title,citations,severity,status/);
    expect(lines.slice(1).every((l) => l.startsWith('kms_key_rotation_enabled,'))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('writes a self-contained HTML report with the failures, their citations and remediation', async () => {
    const out = join(dir, 'report.html');
    const result = await runCli(['scan', '--endpoint-url', moto.url, '--regions', 'us-east-1', '--checks', 'iam_user_console_mfa_enabled,s3_bucket_default_encryption', '--format', 'html', '--output', out]);
    expect(result.code, result.stderr).toBe(1);
    const page = await readFile(out, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('content="default-src &#39;none&#39;;'); // the strict CSP, attribute-escaped
    expect(page).toContain('<b>billing.bob</b>');
    expect(page).toContain('<strong>164.312(d)</strong> Person or entity authentication (Required)');
    expect(page).not.toMatch(/\b(?:src|href)="(?!#)/); // nothing to load: no images, stylesheets, scripts or links by URL
  });
  it('writes OCSF Compliance Findings (JSON array and JSON Lines) that validate against py-ocsf-models', async () => {
    const base = ['scan', '--endpoint-url', moto.url, '--regions', 'us-east-1', '--checks', 'iam_user_console_mfa_enabled'];
    const lines = await runCli([...base, '--format', 'ocsf-jsonl']);
    expect(lines.code, lines.stderr).toBe(1);
    const validation = await validateWithPyOcsfModels(lines.stdout);
    expect(validation.output).toMatch(/^valid \d+ 1\.5\.0$/);
    const array = await runCli([...base, '--format', 'ocsf']);
    const events = JSON.parse(array.stdout) as { status_code: string; compliance: { requirements: string[] }; resources: { name: string }[]; finding_info: { uid: string } }[];
    expect(events).toHaveLength(lines.stdout.trimEnd().split('\n').length);
    const bob = events.find((e) => e.resources[0]?.name === 'billing.bob');
    expect(bob?.status_code).toBe('FAIL');
    expect(bob?.compliance.requirements).toEqual(expect.arrayContaining(['164.312(d)']));
    expect(events.map((e) => e.finding_info.uid).sort()).toEqual(lines.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { finding_info: { uid: string } }).finding_info.uid).sort());
  }, 180_000);

  it('writes ASFF and imports it into the account\'s Security Hub with --security-hub, updating in place on a second scan', async () => {
    const base = ['scan', '--endpoint-url', moto.url, '--regions', 'us-east-1', '--checks', 'iam_user_console_mfa_enabled', '--format', 'asff', '--security-hub'];
    const first = await runCli(base);
    expect(first.code, first.stderr).toBe(1);
    const asff = JSON.parse(first.stdout) as AwsSecurityFinding[];
    expect(first.stderr).toContain(`Security Hub: ${asff.length} findings imported`);
    const second = await runCli(base);
    expect(second.code, second.stderr).toBe(1);

    const clients = motoClients(moto);
    const hub: AwsSecurityFinding[] = [];
    for await (const page of paginateGetFindings({ client: clients.get(SecurityHubClient, 'us-east-1') }, {})) hub.push(...(page.Findings ?? []));
    clients.destroy();
    expect(hub.map((f) => f.Id).sort()).toEqual(asff.map((f) => f.Id).sort());
    const bob = hub.find((f) => f.Resources?.[0]?.Id?.endsWith(':user/billing.bob'));
    expect(bob).toMatchObject({ SchemaVersion: '2018-10-08', GeneratorId: 'iam_user_console_mfa_enabled', AwsAccountId: '123456789012', Compliance: { Status: 'FAILED', RelatedRequirements: expect.arrayContaining(['HIPAA 164.312(d)']) } });
    expect(hub.find((f) => f.Resources?.[0]?.Id?.endsWith(':user/dr.alice'))).toMatchObject({ Compliance: { Status: 'PASSED' }, RecordState: 'ARCHIVED' });
  }, 180_000);

  it('exits 0 when the selected checks have no FAIL', async () => {
    const result = await runCli(['scan', '--endpoint-url', moto.url, '--regions', 'us-east-1', '--checks', 'ec2_ebs_snapshot_not_public', '--format', 'json']);
    expect(result.code).toBe(0);
  });

  it('rejects bad usage with exit 2 and one line, no stack trace', async () => {
    for (const args of [
      ['scan', '--regions', 'mars-1'],
      ['scan', '--checks', 'no_such_check', '--endpoint-url', moto.url],
      ['scan', '--format', 'xml'],
      ['scan', '--endpoint-url', 'not a url'],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('explains unusable credentials with exit 2', async () => {
    const result = await runCli(['scan', '--endpoint-url', 'http://127.0.0.1:1', '--regions', 'us-east-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Could not identify the AWS account');
  });

  it('refuses unknown threshold keys and sub-HIPAA values, and records what it used', async () => {
    const typo = join(dir, 'typo.json');
    const weak = join(dir, 'weak.json');
    await writeFile(typo, JSON.stringify({ auditLogRetentionDay: 30 }));
    await writeFile(weak, JSON.stringify({ auditLogRetentionDays: 30 }));
    const base = ['scan', '--endpoint-url', moto.url, '--regions', 'us-east-1', '--checks', 'cloudwatch_log_group_retention_six_years', '--format', 'json'];
    const unknown = await runCli([...base, '--thresholds', typo]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown threshold(s) auditLogRetentionDay');
    const refused = await runCli([...base, '--thresholds', weak]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--allow-below-hipaa-minimum');
    const allowed = await runCli([...base, '--thresholds', weak, '--allow-below-hipaa-minimum']);
    const report = JSON.parse(allowed.stdout) as { run: { thresholds: { values: Record<string, number>; belowHipaaMinimum: { key: string }[] } } };
    expect(report.run.thresholds.values.auditLogRetentionDays).toBe(30);
    expect(report.run.thresholds.belowHipaaMinimum.map((b) => b.key)).toEqual(['auditLogRetentionDays']);
  });
});
