import type { Command } from 'commander';
import { expiryInstant, isExpired } from '../../model/suppressions.js';
import type { Suppression } from '../../model/suppressions.js';
import { addAwsOptions, addTableOption } from '../aws-options.js';
import { UsageError } from '../errors.js';
import { openSuppressionStore, type StoreCliOptions, type SuppressionCommandDeps } from './accept.js';

interface AcceptancesOptions extends StoreCliOptions {
  expiringWithin?: string;
  includeRevoked?: boolean;
  format?: string;
}

export type AcceptanceStatus = 'active' | 'expired' | 'revoked';

export interface AcceptanceRow extends Suppression {
  status: AcceptanceStatus;
}

/** `30d` -> 30. Days only: acceptances are reviewed on a calendar, not by the hour. */
export function parseDays(value: string): number {
  const match = /^(\d{1,4})d$/.exec(value.trim());
  if (!match?.[1]) throw new UsageError(`--expiring-within "${value}" is not a number of days like 30d.`);
  return Number(match[1]);
}

function statusOf(s: Suppression, now: Date): AcceptanceStatus {
  if (s.revokedAt !== undefined) return 'revoked';
  return isExpired(s, now) ? 'expired' : 'active';
}

/**
 * Expired-but-not-revoked acceptances fall inside any "expiring within" window on purpose: they need
 * the same decision (renew or fix) and are the most urgent.
 */
export function selectAcceptances(all: readonly Suppression[], now: Date, expiringWithinDays?: number): AcceptanceRow[] {
  const horizon = expiringWithinDays === undefined ? undefined : now.getTime() + expiringWithinDays * 86_400_000;
  return all
    .filter((s) => horizon === undefined || expiryInstant(s.expiresAt) <= horizon)
    .map((s) => ({ ...s, status: statusOf(s, now) }))
    .sort((a, b) => expiryInstant(a.expiresAt) - expiryInstant(b.expiresAt) || a.id.localeCompare(b.id));
}

export function formatAcceptanceTable(rows: readonly AcceptanceRow[]): string {
  if (rows.length === 0) return 'No risk acceptances.';
  const header = ['ID', 'STATUS', 'EXPIRES', 'ACCOUNT', 'CHECK', 'RESOURCE', 'APPROVER', 'REASON'];
  const body = rows.map((r) => [r.id, r.status, r.expiresAt, r.accountId, r.checkId, r.resourcePattern, r.approvedBy, r.reason]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  // The reason is last and unpadded so long explanations do not widen every line.
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(header), ...body.map(line)].join('\n');
}

export async function runAcceptances(options: AcceptancesOptions, deps: SuppressionCommandDeps = {}): Promise<AcceptanceRow[]> {
  const now = (deps.now ?? (() => new Date()))();
  const format = options.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format "${format}" is not one of: table, json.`);
  const days = options.expiringWithin !== undefined ? parseDays(options.expiringWithin) : undefined;
  const store = (deps.openStore ?? ((o) => openSuppressionStore(o)))(options);
  const rows = selectAcceptances(await store.list({ includeRevoked: options.includeRevoked === true }), now, days);
  (deps.out ?? console.log)(format === 'json' ? JSON.stringify(rows, null, 2) : formatAcceptanceTable(rows));
  return rows;
}

export function registerAcceptancesCommand(program: Command, deps: SuppressionCommandDeps = {}): void {
  const command = program
    .command('acceptances')
    .description('list documented risk acceptances, soonest expiry first')
    .option('--expiring-within <days>', 'only those expiring within this many days (e.g. 30d), expired ones included')
    .option('--include-revoked', 'also list revoked acceptances')
    .option('--format <format>', 'table or json', 'table');
  addAwsOptions(command);
  addTableOption(command);
  command.action(async (options: AcceptancesOptions) => {
    await runAcceptances(options, deps);
  });
}
