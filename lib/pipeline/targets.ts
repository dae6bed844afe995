import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import type { AwsClientFactory } from '../aws/clients.js';
import type { PipelineEnv } from './env.js';

/**
 * One unit of work for one Lambda invocation: an account and the regions it covers. One target per
 * account keeps a single writer on the account's evidence hash chain; regions are collected
 * concurrently inside the invocation (see `npm run bench` for how long a large account takes).
 */
export interface ScanTargetSpec {
  accountId: string;
  regions: string[];
  /** Global services are collected in exactly one target per account (the first region's). */
  includeGlobal: boolean;
}

/** Accounts (each with the configured regions), from the list or every ACTIVE account of the Organization. */
export async function listTargets(env: PipelineEnv, clients: AwsClientFactory): Promise<ScanTargetSpec[]> {
  const accounts = env.USE_ORGANIZATION === 'true' ? await listOrganizationAccounts(clients, env.AWS_REGION) : (env.TARGET_ACCOUNTS ?? []);
  return [...new Set(accounts)].sort().map((accountId) => ({ accountId, regions: [...env.REGIONS], includeGlobal: true }));
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

