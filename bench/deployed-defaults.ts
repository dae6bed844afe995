import { reservableConcurrency } from '../lib/config/lambda-concurrency.js';
import type { PipelineConfig } from '../lib/config/pipeline-config.js';
import { synthesizedWorkflow } from '../test/execution/synthesized-workflow.js';

/** What a deployment of the given configuration sets, read back from its synthesized template. */
export interface DeployedSettings {
  /** The account Map's MaxConcurrency (`mapConcurrency`). */
  mapConcurrency: number;
  /** The per-account region Map's MaxConcurrency. */
  regionConcurrency: number;
  /** The state machine's TimeoutSeconds (the run lock's lease is the same). */
  runTimeoutSeconds: number;
  /** Configured memory of each pipeline Lambda, by handler file. */
  memoryMbByHandler: Record<string, number>;
  /** Sum of every Lambda's ReservedConcurrentExecutions in the stack. */
  reservedConcurrency: number;
  /** The Regional Lambda quota the configuration declares, and what one stack may reserve within it. */
  lambdaConcurrencyQuota: number;
  reservableConcurrency: number;
}

interface LambdaResource {
  Properties: { MemorySize?: number; ReservedConcurrentExecutions?: number };
}

export function deployedSettings(config: PipelineConfig): DeployedSettings {
  const workflow = synthesizedWorkflow(config, {
    tableName: 'table', evidenceBucket: 'evidence', workBucket: 'work', bundleBucket: 'bundles', signingKeyId: 'key', signingKeyFingerprint: 'fingerprint',
  });
  const lambdas = workflow.template.findResources('AWS::Lambda::Function') as Record<string, LambdaResource>;
  const memoryMbByHandler: Record<string, number> = {};
  for (const [arn, entry] of workflow.handlerByArn) {
    const logicalId = arn.slice(arn.lastIndexOf(':') + 1);
    const memory = lambdas[logicalId]?.Properties.MemorySize;
    if (memory === undefined) throw new Error(`the template's Lambda ${logicalId} (${entry}) has no MemorySize`);
    memoryMbByHandler[entry] = memory;
  }
  const accountMap = workflow.definition.States.ScanAccounts;
  const regionMap = accountMap?.ItemProcessor?.States.ScanRegions;
  const timeout = workflow.definition.TimeoutSeconds;
  if (accountMap?.MaxConcurrency === undefined || regionMap?.MaxConcurrency === undefined || timeout === undefined) {
    throw new Error('the synthesized definition lacks ScanAccounts/ScanRegions MaxConcurrency or TimeoutSeconds');
  }
  return {
    mapConcurrency: accountMap.MaxConcurrency,
    regionConcurrency: regionMap.MaxConcurrency,
    runTimeoutSeconds: timeout,
    memoryMbByHandler,
    reservedConcurrency: Object.values(lambdas).reduce((sum, l) => sum + (l.Properties.ReservedConcurrentExecutions ?? 0), 0),
    lambdaConcurrencyQuota: config.lambdaConcurrencyQuota,
    reservableConcurrency: reservableConcurrency(config.lambdaConcurrencyQuota),
  };
}
