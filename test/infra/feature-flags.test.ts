import { mkdtempSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.js';
import { PINNED_FEATURE_FLAGS } from '../../infra/feature-flags.js';
import { LAMBDA_BUNDLES } from '../../infra/lambda-bundles.js';
import { HipaaAuditPipeline } from '../../infra/hipaa-audit-pipeline.js';
import { PipelineConfigError } from '../../lib/config/pipeline-config.js';
import { cdkJsonContext } from './synth.js';

type Templates = Record<string, unknown>;

/** IAM lists are sets: CDK sorts and merges them only when @aws-cdk/aws-iam:minimizePolicies is on. */
const UNORDERED_KEYS = new Set(['Statement', 'Action', 'NotAction', 'Resource', 'NotResource']);

function normalize(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalize(v));
    return UNORDERED_KEYS.has(key) ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k)]));
  }
  return value;
}

function synthTemplates(context: Record<string, unknown>): Templates {
  const outdir = mkdtempSync(join(tmpdir(), 'hipaa-audit-flags-'));
  const { app } = buildApp({ appProps: { outdir, context } });
  const assembly = app.synth();
  return Object.fromEntries(assembly.stacks.map((s) => [s.stackName, normalize(s.template)]));
}

let withOurFlags: Templates;
let withoutFlags: Templates;

beforeAll(() => {
  const context = cdkJsonContext();
  withOurFlags = synthTemplates(context);
  // A consumer's app: the configuration and no feature flags at all (an empty cdk.json).
  withoutFlags = synthTemplates({ hipaaAudit: context.hipaaAudit });
});

describe('feature flags', () => {
  it('synthesizes the same templates without our cdk.json feature flags (IAM lists compared as sets)', () => {
    expect(Object.keys(withoutFlags).sort()).toEqual(['HipaaAuditMemberRoleStack', 'HipaaAuditStack']);
    for (const stack of Object.keys(withOurFlags)) expect(withoutFlags[stack], stack).toEqual(withOurFlags[stack]);
  });

  it('pins only flags that our cdk.json sets to the same value', () => {
    const context = cdkJsonContext();
    for (const [flag, value] of Object.entries(PINNED_FEATURE_FLAGS)) expect(context[flag], flag).toBe(value);
  });
});

describe('HipaaAuditPipeline props', () => {
  it('are validated with the pipeline configuration schema, naming each bad field', () => {
    // Prepare
    const stack = new Stack(new App({ outdir: mkdtempSync(join(tmpdir(), 'hipaa-audit-props-')) }), 'Consumer');
    // Act
    let error: unknown;
    try {
      new HipaaAuditPipeline(stack, 'Audit', {
        officerEmails: ['not-an-email'],
        senderEmail: 'audit@example.com',
        organizationName: 'Example',
        targets: { accounts: ['123'] },
        regions: ['us-east-1'],
        evidenceRetentionYears: 1,
      });
    } catch (err) {
      error = err;
    }
    // Assess
    expect(error).toBeInstanceOf(PipelineConfigError);
    expect((error as PipelineConfigError).issues.map((i) => i.split(':')[0])).toEqual(['officerEmails.0', 'targets.accounts.0', 'evidenceRetentionYears']);
  });

  it('fill the schema defaults and deploy the pre-built Lambda code from dist/lambda', () => {
    // Prepare
    const outdir = mkdtempSync(join(tmpdir(), 'hipaa-audit-props-'));
    const stack = new Stack(new App({ outdir }), 'Consumer');
    // Act
    new HipaaAuditPipeline(stack, 'Audit', {
      officerEmails: ['officer@example.com'],
      senderEmail: 'audit@example.com',
      organizationName: 'Example',
      targets: { organization: true },
      regions: ['us-east-1'],
    });
    const template = Template.fromStack(stack);
    // Assess: the default schedule, and every function is an asset handler into dist/lambda, not a NodejsFunction bundle.
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 6 * * ? *)', ScheduleExpressionTimezone: 'UTC' });
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as { Properties: { Handler: string } }[];
    expect(functions.map((f) => f.Properties.Handler).sort()).toEqual(Object.keys(LAMBDA_BUNDLES).map((n) => `${n}/index.handler`).sort());
    const assetDirs = readdirSync(outdir).filter((d) => d.startsWith('asset.'));
    // One asset shared by the functions, one with the digest's WebAssembly and font beside the code.
    expect(assetDirs).toHaveLength(2);
    const digestAsset = assetDirs.map((d) => join(outdir, d)).find((d) => readdirSync(d).includes('node_modules'));
    expect(digestAsset && readdirSync(join(digestAsset, 'node_modules')).sort()).toEqual(['@resvg', 'dejavu-fonts-ttf']);
    // The bundled code resolves them from its chunk, as lib/digest/trend-png.ts does, inside the asset.
    const fromChunk = createRequire(join(digestAsset ?? '', 'chunks', 'any.mjs'));
    for (const spec of LAMBDA_BUNDLES['send-digest'].runtimeFiles) {
      expect(fromChunk.resolve(spec).startsWith(`${digestAsset}/node_modules/`), spec).toBe(true);
    }
  });
});
