import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.js';
import { loadPipelineConfig, parsePipelineConfig, PipelineConfigError } from '../../lib/config/pipeline-config.js';
import { cdkJsonContext, synthesize } from './synth.js';

const sample = cdkJsonContext().hipaaAudit as Record<string, unknown>;
const minimal = {
  officerEmails: ['officer@example.com'],
  senderEmail: 'audit@example.com',
  organizationName: 'Example Health',
  targets: { organization: true },
  regions: ['us-east-1'],
};

function errorOf(raw: unknown): string {
  try {
    parsePipelineConfig(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(PipelineConfigError);
    return (err as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('pipeline configuration', () => {
  it('accepts the cdk.json sample', () => {
    const config = parsePipelineConfig(sample);
    expect(config.scanSchedule).toEqual({ expression: 'cron(0 6 * * ? *)', timeZone: 'America/New_York' });
    expect(config.targets).toEqual({ accounts: ['111111111111', '222222222222'] });
  });

  it('fills the documented defaults', () => {
    const config = parsePipelineConfig(minimal);
    expect(config).toMatchObject({
      scanSchedule: { expression: 'cron(0 6 * * ? *)', timeZone: 'UTC' },
      digestSchedule: { expression: 'cron(0 8 ? * MON *)', timeZone: 'UTC' },
      evidenceRetentionYears: 6,
      bundleLinkExpiryDays: 7,
      memberRoleName: 'HipaaAuditReadOnly',
      mapConcurrency: 50,
      lambdaConcurrencyQuota: 1000,
    });
  });

  it('defaults the time zone when only the expression is given', () => {
    const config = parsePipelineConfig({ ...minimal, scanSchedule: { expression: 'rate(12 hours)' } });
    expect(config.scanSchedule).toEqual({ expression: 'rate(12 hours)', timeZone: 'UTC' });
  });

  it.each([
    ['a bad officer email', { officerEmails: ['not-an-email'] }, 'officerEmails.0:'],
    ['no officer', { officerEmails: [] }, 'officerEmails:'],
    ['a bad sender email', { senderEmail: 'audit@' }, 'senderEmail:'],
    ['retention of 3 years (HIPAA needs 6)', { evidenceRetentionYears: 3 }, 'evidenceRetentionYears:'],
    ['retention over 100 years', { evidenceRetentionYears: 101 }, 'evidenceRetentionYears:'],
    ['a bad cron', { scanSchedule: { expression: 'cron(0 6 * *)' } }, 'scanSchedule.expression:'],
    ['a cron without cron()', { digestSchedule: { expression: '0 8 * * 1' } }, 'digestSchedule.expression:'],
    ['a bad time zone', { digestSchedule: { expression: 'cron(0 8 ? * MON *)', timeZone: 'Mars/Olympus_Mons' } }, 'digestSchedule.timeZone:'],
    ['link expiry over 7 days', { bundleLinkExpiryDays: 8 }, 'bundleLinkExpiryDays:'],
    ['a short account id', { targets: { accounts: ['1234'] } }, 'targets'],
    ['no region', { regions: [] }, 'regions:'],
    ['an unknown key', { officerEmail: 'typo@example.com' }, 'officerEmail'],
  ])('rejects %s, naming the field', (_name, patch, field) => {
    expect(errorOf({ ...minimal, ...patch })).toContain(field);
  });

  it('accepts the largest mapConcurrency whose reservation leaves Lambda 100 unreserved executions', () => {
    // 6 x 149 + 6 = 900 <= 1,000 - 100.
    expect(parsePipelineConfig({ ...minimal, mapConcurrency: 149 }).mapConcurrency).toBe(149);
    expect(parsePipelineConfig({ ...minimal, mapConcurrency: 300, lambdaConcurrencyQuota: 3000 }).mapConcurrency).toBe(300);
  });

  it.each([
    ['one more than the default quota allows', { mapConcurrency: 150 }, 'reserves 906', 'at most 900 reservable'],
    ['the default on a new account quota of 10', { lambdaConcurrencyQuota: 10 }, 'reserves 306', 'at most 0 reservable'],
    ['a raised quota still too small', { mapConcurrency: 400, lambdaConcurrencyQuota: 2000 }, 'reserves 2406', 'at most 1900 reservable'],
  ])('refuses a reservation Lambda would reject: %s, on one line', (_name, patch, reserves, reservable) => {
    const message = errorOf({ ...minimal, ...patch });
    const line = message.split('\n').find((l) => l.includes('mapConcurrency:'));
    expect(line).toContain(reserves);
    expect(line).toContain(reservable);
    expect(line).toContain('Lambda keeps 100 unreserved');
  });

  it('sets the reserved concurrency it validated (the template sums to 6 x mapConcurrency + 6)', () => {
    const config = parsePipelineConfig({ ...sample, mapConcurrency: 7 });
    const { pipeline } = synthesize({ config });
    const functions = Object.values(pipeline.findResources('AWS::Lambda::Function')) as { Properties: { ReservedConcurrentExecutions?: number } }[];
    expect(functions.reduce((sum, f) => sum + (f.Properties.ReservedConcurrentExecutions ?? 0), 0)).toBe(6 * 7 + 6);
  });

  it('lists every problem at once', () => {
    const message = errorOf({ ...minimal, senderEmail: 'x', evidenceRetentionYears: 3 });
    expect(message).toContain('senderEmail:');
    expect(message).toContain('evidenceRetentionYears:');
  });

  it('reads a configFile named in the context in preference to the inline sample', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hipaa-config-'));
    const file = join(dir, 'prod.json');
    writeFileSync(file, JSON.stringify({ ...minimal, organizationName: 'From File' }));
    const context = new Map<string, unknown>([['configFile', file], ['hipaaAudit', sample]]);
    expect(loadPipelineConfig({ tryGetContext: (k) => context.get(k) }).organizationName).toBe('From File');
  });

  it('fails app construction (cdk synth) with the fields named', () => {
    const bad = { ...sample, evidenceRetentionYears: 3, officerEmails: ['nope'] };
    expect(() => buildApp({ appProps: { context: { ...cdkJsonContext(), hipaaAudit: bad } } })).toThrow(
      /Invalid hipaaAudit configuration:[\s\S]*officerEmails\.0: [\s\S]*evidenceRetentionYears: /,
    );
  });

  it('passes configured thresholds to the Lambdas (cdk.json context -> construct -> environment)', () => {
    const config = parsePipelineConfig({ ...sample, thresholds: { passwordMinLength: 16 } });
    const { pipeline } = synthesize({ config });
    const functions = Object.values(pipeline.findResources('AWS::Lambda::Function')) as { Properties: { Environment?: { Variables?: Record<string, string> } } }[];
    const values = functions.map((f) => f.Properties.Environment?.Variables?.THRESHOLDS).filter(Boolean);
    expect(values.length).toBeGreaterThan(0);
    expect(JSON.parse(values[0] ?? '{}')).toMatchObject({ passwordMinLength: 16, auditLogRetentionDays: 2192 });
  });
});
