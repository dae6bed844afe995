import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import { HipaaAuditPipeline } from '../../infra/hipaa-audit-pipeline.js';
import { LAMBDA_BUNDLES } from '../../infra/lambda-bundles.js';
import { CHECKS } from '../../lib/checks/registry.js';
import { buildIfStale } from '../support/build.js';

/*
 * The package as a user gets it: `npm pack`, then an empty project that installs the tarball with
 * aws-cdk-lib, constructs and cdk-nag, runs the CLI, type-checks a TypeScript consumer and synthesizes a
 * CDK app with the HIPAA pack. Installs come from the npm cache `npm ci` filled (--prefer-offline).
 */

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const MAX_TARBALL_BYTES = 2 * 1024 * 1024;

/** The versions our lockfile installed, so the consumer's install is served from the cache. */
const installedVersion = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;

/** npm variables from an outer `npm test` (npm_config_*, npm_lifecycle_*) must not steer the consumer's npm. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

async function sh(cmd: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return run(cmd, args, { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
}

const CONFIG = {
  officerEmails: ['privacy-officer@example.com'],
  senderEmail: 'hipaa-audit@example.com',
  organizationName: 'Consumer Health',
  targets: { accounts: ['111111111111'] },
  regions: ['us-east-1'],
};

const TS_CONSUMER = `
import { App, Stack } from 'aws-cdk-lib';
import { HipaaAuditPipeline, MemberRoleStack, PipelineConfigSchema, type HipaaAuditPipelineProps, type PipelineConfig } from 'hipaa-audit';

const props: HipaaAuditPipelineProps = ${JSON.stringify(CONFIG)};
const parsed: PipelineConfig = PipelineConfigSchema.parse(props);
const years: number = parsed.evidenceRetentionYears;
// @ts-expect-error regions is a list of region codes, not a string
const wrong: HipaaAuditPipelineProps = { ...props, regions: 'us-east-1' };
// @ts-expect-error the member role stack needs its role name
new MemberRoleStack(new App(), 'Member', {});

const app = new App();
const pipeline = new HipaaAuditPipeline(new Stack(app, 'Audit'), 'Pipeline', props);
const arn: string = pipeline.workflow.stateMachine.stateMachineArn;
export { years, wrong, arn };
`;

const TS_CONFIG = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
  files: ['consumer.ts'],
};

// NagControl holds one default S3 bucket, which the HIPAA pack must flag: the pack's report lists only
// violations, so this control shows it ran (an empty report alone would also mean "no plugin at all").
const APP = `
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { HIPAASecurityChecks } from 'cdk-nag';
import { HipaaAuditPipeline, MemberRoleStack } from 'hipaa-audit';

const app = new App({ outdir: process.argv[2] });
new HipaaAuditPipeline(new Stack(app, 'ConsumerAudit'), 'Audit', ${JSON.stringify(CONFIG)});
new MemberRoleStack(app, 'ConsumerMemberRole', { memberRoleName: 'HipaaAuditReadOnly', externalId: 'consumer-external-id' });
new s3.Bucket(new Stack(app, 'NagControl'), 'DefaultBucket');
Validations.of(app).addPlugins(new HIPAASecurityChecks(app, { verbose: true }));
app.synth();
`;

let work: string;
let tarball: string;
let consumer: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'hipaa-audit-package-'));
  // What `npm pack` would run as `prepare`, skipped when dist/ is already current; --ignore-scripts then packs it as is.
  await buildIfStale('all');
  const packed = JSON.parse((await sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)).stdout) as { filename: string }[];
  tarball = join(work, packed[0]?.filename ?? 'missing.tgz');

  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const peers = ['aws-cdk-lib', 'constructs', 'cdk-nag'].map((p) => `${p}@${installedVersion(p)}`);
  await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...peers], consumer);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships bin/ and dist/ only, every Lambda pre-built, under 2 MB', async () => {
    const { stdout } = await sh('tar', ['-tzf', tarball], work);
    const files = stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    expect(files.filter((f) => !/^(bin|dist\/(cli|lambda|lib))\//.test(f)).sort()).toEqual(['README.md', 'package.json']);
    for (const name of Object.keys(LAMBDA_BUNDLES)) expect(files, name).toContain(`dist/lambda/${name}/index.mjs`);
    expect(files).toContain('dist/lib/infra/index.d.ts');
    expect(statSync(tarball).size).toBeLessThan(MAX_TARBALL_BYTES);
  });

  it('needs only zod and the digest assets at run time; the CDK libraries are peers', () => {
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules/hipaa-audit/package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(['@resvg/resvg-wasm', 'dejavu-fonts-ttf', 'zod']);
    expect(Object.keys(manifest.peerDependencies ?? {}).sort()).toEqual(['aws-cdk-lib', 'constructs']);
    // The CLI bundles the AWS SDK: nothing in the consumer's project installed it.
    expect(existsSync(join(consumer, 'node_modules/@aws-sdk'))).toBe(false);
  });
});

describe('installed package', () => {
  it('runs the CLI from compiled JavaScript: --version and the check catalog', async () => {
    const version = await sh('npx', ['--no-install', 'hipaa-audit', '--version'], consumer);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const checks = await sh('npx', ['--no-install', 'hipaa-audit', 'checks', '--json'], consumer);
    expect((JSON.parse(checks.stdout) as { id: string }[]).map((c) => c.id)).toEqual(CHECKS.map((c) => c.id));
  });

  it('type-checks a TypeScript consumer against the shipped .d.ts', async () => {
    writeFileSync(join(consumer, 'consumer.ts'), TS_CONSUMER);
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(TS_CONFIG));
    const tsc = require.resolve('typescript/bin/tsc');
    // tsc exits non-zero on a type error, and on an unused @ts-expect-error (props typed as any would be one).
    const result = await sh(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? String(err) }));
    expect(result.stdout).toBe('');
  });

  it('synthesizes a plain ESM app with the construct and the member-role stack, cdk-nag HIPAA pack clean, with no cdk.json', async () => {
    writeFileSync(join(consumer, 'app.mjs'), APP);
    const outdir = join(consumer, 'cdk.out');
    // The control's violations fail the synth (exit 1) after the report and the templates are written.
    const failure = await sh(process.execPath, ['app.mjs', outdir], consumer).then(
      () => '',
      (err: { stderr?: string }) => err.stderr ?? String(err),
    );
    expect(failure).toMatch(/ValidationFailed|Validation failed/);
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; violations: { ruleName: string; violatingConstructs?: { constructPath: string }[] }[] }[];
    };
    const violations = report.pluginReports.flatMap((p) =>
      p.violations.flatMap((v) => (v.violatingConstructs ?? []).map((c) => ({ plugin: p.pluginName, rule: v.ruleName, path: c.constructPath }))),
    );
    expect(violations.filter((v) => v.plugin === 'HIPAA.Security' && v.path.startsWith('NagControl/')).length).toBeGreaterThan(0);
    expect(violations.filter((v) => !v.path.startsWith('NagControl/'))).toEqual([]);
    expect(readdirSync(outdir).filter((f) => f.endsWith('.template.json')).sort()).toEqual(
      ['ConsumerAudit.template.json', 'ConsumerMemberRole.template.json', 'NagControl.template.json'],
    );
    // What we test is what ships: this repository's own synth stages the very same Lambda assets.
    const ours = join(work, 'ours');
    const ourApp = new App({ outdir: ours });
    new HipaaAuditPipeline(new Stack(ourApp, 'Ours'), 'Audit', CONFIG);
    ourApp.synth();
    const assetsOf = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('asset.')).sort();
    const theirs = assetsOf(outdir);
    expect(theirs).toHaveLength(2);
    expect(theirs).toEqual(assetsOf(ours));
    const template = JSON.parse(readFileSync(join(outdir, 'ConsumerAudit.template.json'), 'utf8')) as { Resources: Record<string, { Type: string; Properties: { Handler?: string } }> };
    const handlers = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function').map((r) => r.Properties.Handler);
    expect(handlers.sort()).toEqual(Object.keys(LAMBDA_BUNDLES).map((n) => `${n}/index.handler`).sort());
  });
});
