import { describe, expect, it } from 'vitest';
import { harnessConfig } from '../execution/deployment.js';
import { synthesizedWorkflow } from '../execution/synthesized-workflow.js';
import { unproducedPaths } from './definition-paths.js';
import { allStates, type Definition } from './definition.js';

const workflow = synthesizedWorkflow(harnessConfig({ targets: { accounts: ['210000000001', '210000000002'] }, regions: ['us-east-1', 'us-west-2'] }), {
  tableName: 'findings', evidenceBucket: 'evidence', workBucket: 'work', bundleBucket: 'bundles', signingKeyId: 'key', signingKeyFingerprint: 'f'.repeat(64),
});
const handlerOf = (resource: string) => workflow.handlerByArn.get(resource);

describe('data flow of the synthesized definition', () => {
  it('has no Task with a string Parameters or Arguments', () => {
    const stringPayloads = allStates(workflow.definition.States).filter(
      (s) => typeof s.Parameters === 'string' || typeof (s as { Arguments?: unknown }).Arguments === 'string',
    );
    expect(stringPayloads).toEqual([]);
  });

  it('reads no JSONPath ($.key) that no earlier state or the schedule input produced', () => {
    const inputKeys = new Set(Object.keys(workflow.scheduleInput as Record<string, unknown>));
    expect(unproducedPaths(workflow.definition, inputKeys, handlerOf)).toEqual([]);
  });

  it('the check itself catches a path nobody produced', () => {
    const broken: Definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Parameters: { runId: 'r' }, Next: 'B' },
        B: { Type: 'Pass', Parameters: { 'target.$': '$.target' }, End: true },
      },
    };
    expect(unproducedPaths(broken, new Set(), handlerOf)).toEqual([{ state: 'B', path: '$.target', available: ['runId'] }]);
  });
});
