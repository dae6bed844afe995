import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { Validations } from 'aws-cdk-lib';
import { buildApp, type BuiltApp } from '../../infra/build-app.js';
import type { PipelineConfig } from '../../lib/config/pipeline-config.js';

const CDK_JSON = new URL('../../cdk.json', import.meta.url);

/** cdk.json's context (feature flags and the sample hipaaAudit config): tests synthesize what the CLI does. */
export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context: Record<string, unknown> }).context;
}

export interface NagViolation {
  rule: string;
  severity: string;
  paths: string[];
}

export interface Synthesized {
  built: BuiltApp;
  pipeline: Template;
  memberRole: Template;
  /** Unacknowledged cdk-nag (and other validation plugin) findings. */
  violations: NagViolation[];
}

/**
 * Builds and synthesizes the real app once. cdk-nag v3 is a validation plugin: under vitest
 * (NODE_ENV=test) a failing report makes app.synth() throw, so the error is captured and the
 * report read from the assembly directory, to list every finding instead of a stack trace.
 */
export function synthesize(options: { config?: PipelineConfig; context?: Record<string, unknown> } = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'hipaa-audit-cdk-'));
  // The Lambda code is pre-bundled (dist/lambda), so every synth deploys the same assets; nothing to skip.
  const context = { ...cdkJsonContext(), ...options.context };
  const built = buildApp({ ...(options.config ? { config: options.config } : {}), appProps: { outdir, context } });
  let synthError: unknown;
  try {
    built.app.synth();
  } catch (err) {
    synthError = err;
  }
  const reportFile = join(outdir, 'validation-report.json');
  const violations: NagViolation[] = [];
  if (existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
      pluginReports: { violations: { ruleName: string; severity: string; violatingConstructs?: { constructPath: string }[] }[] }[];
    };
    for (const plugin of report.pluginReports) {
      for (const v of plugin.violations) {
        violations.push({ rule: v.ruleName, severity: v.severity, paths: (v.violatingConstructs ?? []).map((c) => c.constructPath) });
      }
    }
  }
  if (synthError && violations.length === 0) throw synthError;
  // Template.fromStack reuses the cached assembly; it only works when synth succeeded.
  const pipeline = synthError ? Template.fromJSON({}) : Template.fromStack(built.pipelineStack);
  const memberRole = synthError ? Template.fromJSON({}) : Template.fromStack(built.memberRoleStack);
  return { built, pipeline, memberRole, violations };
}

export interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** Every Validations.acknowledge() in the tree, read back from construct metadata. */
export function acknowledgements(root: IConstruct): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  for (const c of root.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return found;
}

// Named assert* so the lint rule (vitest/expect-expect) sees Template assertions as assertions.
export function assertProps(template: Template, type: string, props: unknown): void {
  template.hasResourceProperties(type, props);
}
export function assertResource(template: Template, type: string, props: unknown): void {
  template.hasResource(type, props);
}
export function assertCount(template: Template, type: string, count: number): void {
  template.resourceCountIs(type, count);
}
