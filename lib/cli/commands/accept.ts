import type { Command } from 'commander';
import { CHECKS } from '../../checks/registry.js';
import { isCatchAllPattern, validateSuppressionInput, type SuppressionInput } from '../../model/suppressions.js';
import { createDynamoStores } from '../../store/dynamodb/index.js';
import type { Suppression } from '../../model/suppressions.js';
import type { SuppressionStore } from '../../store/types.js';
import {
  addAwsOptions,
  addTableOption,
  clientsFromOptions,
  homeRegion,
  requireOption,
  type AwsCliOptions,
  type PipelineResourceOptions,
} from '../aws-options.js';
import { UsageError } from '../errors.js';

export type StoreCliOptions = AwsCliOptions & PipelineResourceOptions;

/** What the suppression commands need from the outside world; tests replace any of it. */
export interface SuppressionCommandDeps {
  /** Default: the ids in the check catalog (lib/checks/registry.ts). */
  knownCheckIds?: () => readonly string[];
  now?: () => Date;
  /** Default: the DynamoDB store on `--table` / HIPAA_AUDIT_TABLE. */
  openStore?: (options: StoreCliOptions) => SuppressionStore;
  out?: (line: string) => void;
  /** Longest acceptance allowed, in years (default 3). */
  maxYears?: number;
}

/** The real store for a CLI invocation; throws UsageError when the table is not configured. */
export function openSuppressionStore(options: StoreCliOptions, now?: () => Date): SuppressionStore {
  const tableName = requireOption(options.table, '--table', 'HIPAA_AUDIT_TABLE');
  const clients = clientsFromOptions(options);
  return createDynamoStores({ clients, region: homeRegion(options), tableName, ...(now ? { now } : {}) }).suppressions;
}

interface AcceptOptions extends StoreCliOptions {
  check?: string;
  resource?: string;
  reason?: string;
  approver?: string;
  expires?: string;
  account?: string;
  allResources?: boolean;
}

/**
 * Validates everything before touching AWS, so a bad invocation writes nothing and says every problem
 * at once (one line, `;`-separated) instead of making the user fix them one by one.
 */
export async function runAccept(options: AcceptOptions, deps: SuppressionCommandDeps = {}): Promise<Suppression> {
  const now = deps.now ?? (() => new Date());
  const input: SuppressionInput = {
    ...(options.check !== undefined ? { checkId: options.check } : {}),
    ...(options.resource !== undefined ? { resourcePattern: options.resource } : {}),
    ...(options.reason !== undefined ? { reason: options.reason } : {}),
    ...(options.approver !== undefined ? { approvedBy: options.approver } : {}),
    ...(options.expires !== undefined ? { expiresAt: options.expires } : {}),
    ...(options.account !== undefined ? { accountId: options.account } : {}),
  };
  const knownCheckIds = (deps.knownCheckIds ?? (() => CHECKS.map((c) => c.id)))();
  const result = validateSuppressionInput(input, knownCheckIds, now(), {
    ...(deps.maxYears !== undefined ? { maxYears: deps.maxYears } : {}),
    allResources: options.allResources === true,
  });
  if (!result.ok) throw new UsageError(`Cannot record the risk acceptance: ${result.errors.join('; ')}.`);
  const store = (deps.openStore ?? ((o) => openSuppressionStore(o, now)))(options);
  const created = await store.create(result.value);
  (deps.out ?? console.log)(
    `Recorded risk acceptance ${created.id}: ${created.checkId} on ${created.resourcePattern} (account ${created.accountId}), ` +
      `approved by ${created.approvedBy}, expires ${created.expiresAt}.` +
      (isCatchAllPattern(created.resourcePattern) ? ' It covers EVERY resource of the check and is shown prominently in every digest until it expires.' : ''),
  );
  return created;
}

export function registerAcceptCommand(program: Command, deps: SuppressionCommandDeps = {}): void {
  const command = program
    .command('accept')
    .description('record a documented risk acceptance: matching FAILs are reported as SUPPRESSED until it expires')
    .option('--check <id>', 'check id the acceptance applies to (required)')
    .option('--resource <arn-or-pattern>', 'resource ARN or id, or a glob with * (e.g. arn:aws:s3:::legacy-*) (required)')
    .option('--reason <text>', 'why the risk is accepted (compensating controls, plan) (required)')
    .option('--approver <name>', 'who approved the acceptance (required)')
    .option('--expires <YYYY-MM-DD>', 'last day the acceptance applies, at most 3 years out (required)')
    .option('--account <id>', '12-digit account id, or * for every account', '*')
    .option('--all-resources', 'allow a pattern that matches every resource of the check (e.g. "*" or "arn:aws:s3:::*"); listed prominently in every digest');
  addAwsOptions(command);
  addTableOption(command);
  command.action(async (options: AcceptOptions) => {
    await runAccept(options, deps);
  });
}
