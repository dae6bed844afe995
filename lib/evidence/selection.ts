import { S3Client } from '@aws-sdk/client-s3';
import { listCommonPrefixes, listKeys, readChainEntry, type ListOptions } from './chain.js';
import { accountPrefix, chainPrefix, compactTimestamp, EVIDENCE_ROOT, MANIFEST_FILE, runPrefix } from './layout.js';
import { exists } from './s3-objects.js';
import { ExpectedError } from '../model/errors.js';

/** The caller asked for something impossible (bad dates, unknown run); the CLI maps it to a usage error. */
export class BundleRequestError extends ExpectedError {
  constructor(message: string) {
    super(message);
    this.name = 'BundleRequestError';
  }
}

export interface SelectedRun {
  accountId: string;
  runId: string;
  manifestKey: string;
}

export type RunSelection = { runIds: readonly string[] } | { from: string; to: string };

/** `YYYY-MM-DD` -> start of that UTC day. */
export function parseDay(value: string, flag: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00.000Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new BundleRequestError(`${flag} must be a date as YYYY-MM-DD, got "${value}".`);
  }
  return date;
}

export async function selectRuns(
  s3: S3Client,
  bucket: string,
  selection: RunSelection,
  accountId: string | undefined,
  options: ListOptions = {},
): Promise<SelectedRun[]> {
  const accounts = accountId
    ? [accountId]
    : (await listCommonPrefixes(s3, bucket, EVIDENCE_ROOT, options)).map((p) => p.slice(EVIDENCE_ROOT.length, -1));
  return 'runIds' in selection ? byIds(s3, bucket, accounts, selection.runIds) : byDates(s3, bucket, accounts, selection, options);
}

async function byIds(s3: S3Client, bucket: string, accounts: readonly string[], runIds: readonly string[]): Promise<SelectedRun[]> {
  if (runIds.length === 0) throw new BundleRequestError('Name at least one run.');
  const out: SelectedRun[] = [];
  for (const runId of new Set(runIds)) {
    let found = false;
    for (const accountId of accounts) {
      const manifestKey = runPrefix(accountId, runId) + MANIFEST_FILE;
      if (await exists(s3, bucket, manifestKey)) {
        out.push({ accountId, runId, manifestKey });
        found = true;
      }
    }
    if (!found) throw new BundleRequestError(`Run "${runId}" has no manifest in s3://${bucket}/${EVIDENCE_ROOT}${accounts.length === 1 ? accounts[0] + '/' : ''}.`);
  }
  return out;
}

/** Uses the time-ordered chain index so a date range is one bounded listing per account. */
async function byDates(
  s3: S3Client,
  bucket: string,
  accounts: readonly string[],
  range: { from: string; to: string },
  options: ListOptions,
): Promise<SelectedRun[]> {
  const from = parseDay(range.from, '--from');
  const to = parseDay(range.to, '--to');
  if (to < from) throw new BundleRequestError(`--to (${range.to}) is before --from (${range.from}).`);
  const endExclusive = new Date(to.getTime() + 86_400_000);
  const out: SelectedRun[] = [];
  for (const accountId of accounts) {
    const prefix = chainPrefix(accountId);
    const startAfter = prefix + compactTimestamp(from.toISOString()).slice(0, -1); // sorts just before any key of that instant
    const stop = prefix + compactTimestamp(endExclusive.toISOString());
    for await (const key of listKeys(s3, bucket, prefix, { ...options, startAfter })) {
      if (key >= stop) break;
      const entry = await readChainEntry(s3, bucket, key);
      if (!entry.manifestKey.startsWith(accountPrefix(accountId))) {
        throw new Error(`Chain index ${key} points outside its account: ${entry.manifestKey}`);
      }
      out.push({ accountId, runId: entry.runId, manifestKey: entry.manifestKey });
    }
  }
  return out;
}
