import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePipelineConfig } from '../../lib/config/pipeline-config.js';
import { actionsOf, roleStatements, type Statement } from './iam-policy.js';
import { cdkJsonContext, synthesize, type Synthesized } from './synth.js';

let withoutHub: Synthesized;
let withHub: Synthesized;

beforeAll(() => {
  const sample = parsePipelineConfig(cdkJsonContext().hipaaAudit);
  withoutHub = synthesize();
  withHub = synthesize({ config: { ...sample, securityHub: true } });
});

/** Role logical id -> its Security Hub statements. */
function securityHubGrants(template: Template): Map<string, Statement[]> {
  const out = new Map<string, Statement[]>();
  for (const id of Object.keys(template.findResources('AWS::IAM::Role'))) {
    const statements = roleStatements(template, id).filter((s) => actionsOf([s]).some((a) => a.startsWith('securityhub:')));
    if (statements.length > 0) out.set(id, statements);
  }
  return out;
}

/** `securityhub:X` for every `XCommand` / `paginateX` that lib/securityhub imports from the SDK. */
function actionsCalledByExporter(): string[] {
  const dir = new URL('../../lib/securityhub/', import.meta.url).pathname;
  const names = readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) => {
    const source = readFileSync(join(dir, f), 'utf8');
    const imports = /import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-securityhub'/.exec(source)?.[1] ?? '';
    return imports.split(',').map((n) => n.trim()).filter((n) => !n.startsWith('type '));
  });
  return [...new Set(names.flatMap((n) => /^(\w+)Command$/.exec(n)?.[1] ?? /^paginate(\w+)$/.exec(n)?.[1] ?? []))].map((op) => `securityhub:${op}`).sort();
}

describe('securityHub configuration', () => {
  it('is off by default: no function may call Security Hub, and none is told to', () => {
    expect(parsePipelineConfig(cdkJsonContext().hipaaAudit).securityHub).toBe(false);
    expect([...securityHubGrants(withoutHub.pipeline).keys()]).toEqual([]);
    expect(JSON.stringify(withoutHub.pipeline.toJSON())).not.toContain('SECURITY_HUB');
  });

  it('when on, lets only RecordAccount import into its own default product and read its own hub, in the configured regions', () => {
    const grants = securityHubGrants(withHub.pipeline);
    expect([...grants.keys()]).toHaveLength(1);
    const [roleId, statements] = [...grants][0] ?? ['', []];
    expect(roleId).toMatch(/RecordAccount/);
    expect(actionsOf(statements).sort()).toEqual(['securityhub:BatchImportFindings', 'securityhub:GetFindings']);
    expect(actionsCalledByExporter()).toEqual(actionsOf(statements).sort());
    const resources = JSON.stringify(statements.map((s) => s.Resource));
    expect(resources).toContain(':product/');
    expect(resources).toContain('/default');
    expect(resources).toContain(':hub/default');
    expect(resources).not.toMatch(/"\*"/);
    // A failed import is noted on the account's run item: only then may RecordAccount update an item.
    const pipelineJson = JSON.stringify(withHub.pipeline.toJSON());
    expect(pipelineJson).toContain('"Sid":"NoteExportErrors"');
    expect(JSON.stringify(withoutHub.pipeline.toJSON())).not.toContain('dynamodb:UpdateItem');
    expect(withoutHub.violations).toEqual([]);
    expect(withHub.violations).toEqual([]);
    const env = Object.values(withHub.pipeline.findResources('AWS::Lambda::Function'))
      .filter((f) => JSON.stringify(f).includes('SECURITY_HUB'))
      .map((f) => (f as { Properties: { Description?: string } }).Properties.Description);
    expect(env).toEqual(["Records one account's sealed findings and transitions in the findings table"]);
  });
});
