import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import type { AwsClientFactory } from '../aws/clients.js';
import type { PipelineEnv } from './env.js';

/** One unit of work for one Lambda invocation: an account and the regions it covers. */
export interface ScanTargetSpec {
  accountId: string;
  regions: string[];
  /** Global services are collected in exactly one target per account (the first region's). */
  includeGlobal: boolean;
}

/** Accounts × regions, from the configured list or every ACTIVE account of the Organization. */
export async function listTargets(env: PipelineEnv, clients: AwsClientFactory): Promise<ScanTargetSpec[]> {
  const accounts = env.USE_ORGANIZATION === 'true' ? await listOrganizationAccounts(clients, env.AWS_REGION) : (env.TARGET_ACCOUNTS ?? []);
  return [...new Set(accounts)].sort().flatMap((accountId) =>
    env.REGIONS.map((region, i) => ({ accountId, regions: [region], includeGlobal: i === 0 })),
  );
}

async function listOrganizationAccounts(clients: AwsClientFactory, region: string): Promise<string[]> {
  const client = clients.get(OrganizationsClient, region);
  const ids: string[] = [];
  for await (const page of paginateListAccounts({ client }, {})) {
    for (const account of page.Accounts ?? []) {
      if (account.Id && account.Status === 'ACTIVE') ids.push(account.Id);
    }
  }
  return ids;
}

