import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesize } from './synth.js';

// cfn-lint checks the templates against CloudFormation's own resource schemas (property names, types,
// allowed values, ARN shapes), which neither cdk-nag nor the assertions above do.
//
// W3005 (a DependsOn already implied by a GetAtt) is ignored: aws-cdk-lib itself renders an explicit
// DependsOn on the execution role of every Lambda function and state machine next to the Role GetAtt;
// the duplicate ordering is harmless and not ours to remove.
const IGNORED = ['W3005'];

describe('cfn-lint', () => {
  it('reports nothing on the synthesized templates', () => {
    const synth = synthesize();
    expect(synth.violations).toEqual([]);
    const outdir = synth.built.app.outdir;
    const templates = ['HipaaAuditStack', 'HipaaAuditMemberRoleStack'].map((s) => join(outdir, `${s}.template.json`));
    const lint = spawnSync('cfn-lint', ['--ignore-checks', ...IGNORED, '--', ...templates], { encoding: 'utf8' });
    expect(lint.error, 'cfn-lint must be installed (python3 -m pip install cfn-lint; .ci/run does it)').toBeUndefined();
    expect(`${lint.stdout}${lint.stderr}`.trim()).toBe('');
    expect(lint.status).toBe(0);
  }, 120_000);
});
