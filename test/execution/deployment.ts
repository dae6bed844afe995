import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { S3Client } from '@aws-sdk/client-s3';
import { provisionPipelineResources } from '../../scripts/demo/provision.js';
import { parsePipelineConfig, type PipelineConfig } from '../../lib/config/pipeline-config.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { seedSmallAccount, startStsDenyProxy, type StsDenyProxy } from './member-accounts.js';
import type { LambdaHandler } from './run-workflow.js';
import { HARNESS_REGION, synthesizedWorkflow, type SynthesizedWorkflow } from './synthesized-workflow.js';

/** One emulated AWS (moto) holding the audit account and its member accounts, and the synthesized stack "deployed" on it. */
export interface EmulatedDeployment {
  moto: MotoServer;
  proxy: StsDenyProxy;
  workflow: SynthesizedWorkflow;
  handlers: Record<string, LambdaHandler>;
  config: PipelineConfig;
  members: string[];
  tableName: string;
  bucket: string;
  workBucket: string;
  /** The emulator's S3 (the Distributed Map shim reads and writes the work bucket with it). */
  s3: S3Client;
  stop(): Promise<void>;
}

export function harnessConfig(overrides: Partial<Record<string, unknown>>): PipelineConfig {
  return parsePipelineConfig({
    officerEmails: ['officer@clinic.example'],
    senderEmail: 'audit@clinic.example',
    organizationName: 'Executed Workflow Clinic',
    targets: { accounts: ['210000000001'] },
    regions: ['us-east-1'],
    ...overrides,
  });
}

/**
 * Starts moto as the audit account, seeds the member accounts (moto switches account on AssumeRole),
 * provisions what the stack creates, synthesizes the stack and sets the Lambdas' environment exactly as
 * the template does (names resolved), then loads the real handlers in-process.
 */
export async function deployEmulated(options: {
  config: PipelineConfig;
  /** Member account ids to seed (listed in the configuration's targets). */
  members?: readonly string[];
  /** Or: create an Organization with this many member accounts (CreateAccount) and seed each. */
  organizationAccounts?: number;
  log?: (line: string) => void;
}): Promise<EmulatedDeployment> {
  const moto = await startMoto();
  const proxy = await startStsDenyProxy(moto.url);
  const clients = motoClients(moto);
  const s3Clients = motoClients(moto);
  try {
    const members = [...(options.members ?? [])];
    if (options.organizationAccounts !== undefined) {
      const org = clients.get(OrganizationsClient, HARNESS_REGION);
      await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
      for (let i = 0; i < options.organizationAccounts; i++) {
        const out = await org.send(new CreateAccountCommand({ AccountName: `member-${i}`, Email: `member-${i}@org.example` }));
        const id = out.CreateAccountStatus?.AccountId;
        if (!id) throw new Error('moto CreateAccount returned no account id');
        members.push(id);
      }
    }
    for (const [i, accountId] of members.entries()) {
      await seedSmallAccount(moto.url, accountId, options.config.regions);
      if ((i + 1) % 25 === 0) options.log?.(`seeded ${i + 1}/${members.length} member accounts`);
    }
    const resources = await provisionPipelineResources(clients, HARNESS_REGION, { senderEmail: options.config.senderEmail });
    const workflow = synthesizedWorkflow(options.config, resources);
    Object.assign(process.env, workflow.environment, { AWS_ENDPOINT_URL: proxy.url, AWS_REGION: HARNESS_REGION, POWERTOOLS_LOG_LEVEL: 'SILENT' });
    const handlers: Record<string, LambdaHandler> = {};
    for (const entry of new Set(workflow.handlerByArn.values())) {
      const file = new URL(`../../functions/${entry}`, import.meta.url).href;
      const module = (await import(/* @vite-ignore */ file)) as { handler: LambdaHandler };
      handlers[entry] = module.handler;
    }
    return {
      moto, proxy, workflow, handlers, config: options.config, members, tableName: resources.tableName, bucket: resources.evidenceBucket,
      workBucket: resources.workBucket, s3: s3Clients.get(S3Client, HARNESS_REGION),
      stop: async () => {
        s3Clients.destroy();
        await proxy.stop();
        await moto.stop();
      },
    };
  } finally {
    clients.destroy();
  }
}

/**
 * A run in which the pipeline itself lost nothing. moto 5.2 does not implement every API the collectors
 * call (Artifact, Access Analyzer answer HTTP 500), so such a run is PARTIAL on moto for that reason
 * alone: every collection error must be one of those, and none may come from a pipeline step.
 */
export function pipelineLostNothing(run: { status: string; collectionErrors: { code: string; operation: string }[] } | undefined): boolean {
  if (!run) return false;
  if (run.status === 'COMPLETE') return run.collectionErrors.length === 0;
  return run.status === 'PARTIAL' && run.collectionErrors.every((e) => !e.operation.startsWith('pipeline:') && isEmulatorGap(e));
}

/**
 * moto 5.2's gaps, by what it answers: unimplemented operations (HTTP 404/500), Inspector's status before
 * it is enabled (AccountNotReported), and a Macie session whose dates the SDK cannot parse (TypeError).
 */
function isEmulatorGap(e: { code: string; operation: string }): boolean {
  if (/^(Http500|Http404|NotImplemented|InternalFailure)$/.test(e.code)) return true;
  return (e.operation === 'inspector2:BatchGetAccountStatus' && e.code === 'AccountNotReported') || (e.operation === 'macie2:GetMacieSession' && e.code === 'TypeError');
}
