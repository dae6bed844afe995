import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import type { AwsClientFactory } from '../aws/clients.js';
import type { AccountTarget } from '../evidence/work-store.js';
import type { PipelineEnv } from './env.js';

/**
 * One unit of work for one Lambda invocation: an account and the regions it covers. An account is
 * split into one scan per region so no invocation grows with the number of regions; the sealing step
 * (one per account) is the single writer of the account's evidence hash chain.
 */
export interface ScanTargetSpec {
  accountId: string;
  regions: string[];
  /** Global services are collected in exactly one scan per account (the first region's). */
  includeGlobal: boolean;
}

/** A stable name for a scan unit within its account: where its attempts write. */
export function unitIdOf(spec: Pick<ScanTargetSpec, 'regions' | 'includeGlobal'>): string {
  return `${spec.regions.join('+')}${spec.includeGlobal ? '+global' : ''}`;
}

/** Accounts (each split into its regions), from the list or every ACTIVE account of the Organization. */
export async function listTargets(env: PipelineEnv, clients: AwsClientFactory): Promise<AccountTarget[]> {
  const accounts = env.USE_ORGANIZATION === 'true' ? await listOrganizationAccounts(clients, env.AWS_REGION) : (env.TARGET_ACCOUNTS ?? []);
  return [...new Set(accounts)].sort().map((accountId) => ({
    accountId,
    units: env.REGIONS.map((region, i) => ({ accountId, regions: [region], includeGlobal: i === 0 })),
  }));
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
