import type { ScanRun } from '../model/run.js';
import type { FindingState } from '../model/finding-state.js';
import type { Suppression } from '../model/suppressions.js';
import type { Transition } from '../model/transitions.js';
import type { AccountRecord } from './account-record.js';
import { slimState, slimTransition } from './slim-items.js';

/**
 * Single-table design for the findings store. Every key is built here so the adapter, the CDK stack
 * and the docs cannot drift apart. See docs/table-design.md for the narrative version.
 *
 * Why one table: an account's current states, its transitions and its run history are each one Query on
 * the account's partition; the one cross-cutting view, all runs by time, is a sparse GSI holding only run
 * items. Every index copy of an item is one more write unit and one more copy stored, so states and
 * transitions are in no index (issue 16): oldest open failures are sorted from the states the digest
 * reads anyway, and transitions are keyed by account and time in the table itself.
 * The name keeps its number: GSI1 (open states by severity) and GSI2 (failing states) were removed because
 * nothing needed them, and renaming an index would make CloudFormation replace it.
 */
export const INDEXES = { gsi3: 'GSI3' } as const;

export const ENTITY = {
  state: 'STATE',
  run: 'RUN',
  accountRun: 'ACCOUNT_RUN',
  transition: 'TRANSITION',
  account: 'ACCOUNT',
  suppression: 'SUPPRESSION',
  runLock: 'RUN_LOCK',
  digestSent: 'DIGEST_SENT',
} as const;
export type Entity = (typeof ENTITY)[keyof typeof ENTITY];

// Above every printable ASCII character: the upper bound for "everything starting with this prefix".
export const HIGH = '\uffff';

export const keys = {
  account: (accountId: string) => `ACCT#${accountId}`,
  statePrefix: 'STATE#',
  state: (key: string) => `STATE#${key}`,
  accountRunPrefix: 'RUN#',
  accountRun: (startedAt: string, runId: string) => `RUN#${startedAt}#${runId}`,
  run: (runId: string) => `RUN#${runId}`,
  runSk: 'RUN',
  transitionPrefix: 'TRANS#',
  /** In the account's partition, by time: `transitionsSince` is a range of sort keys, one run's a prefix. */
  transition: (at: string, runId: string, key: string) => `TRANS#${at}#${runId}#${key}`,
  transitionsOfRunPrefix: (at: string, runId: string) => `TRANS#${at}#${runId}#`,
  accountsPk: 'ACCOUNTS',
  /** One item: the audit run that currently owns the evidence chains (overlapping executions are refused). */
  runLockPk: 'LOCK',
  runLockSk: 'AUDIT_RUN',
  suppressionsPk: 'SUPPRESSION',
  suppression: (id: string) => `SUP#${id}`,
  /** One item per digest sent (lib/digest/ledger.ts), keyed by its idempotency key. */
  digest: (idempotencyKey: string) => `DIGEST#${idempotencyKey}`,
  digestSk: 'SENT',
  /** GSI3: all runs by start time. */
  runsPk: 'RUNS',
  runsSk: (startedAt: string, runId: string) => `${startedAt}#${runId}`,
} as const;

/**
 * Where transitions were kept before they moved into the account's partition: `RUN#<runId>` /
 * `TRANS#<findingKey>`, indexed in GSI3 under `TRANS#<accountId>` / `<at>#<runId>#<findingKey>`. Such items
 * stay readable until their TTL removes them (historyRetentionDays after they happened); nothing writes them.
 */
export const legacyTransitionKeys = {
  run: (runId: string) => `RUN#${runId}`,
  gsi3Pk: (accountId: string) => `TRANS#${accountId}`,
} as const;

export type Item = Record<string, unknown>;

/**
 * Transition items expire from the table (DynamoDB TTL on this attribute, epoch seconds): the table is the
 * working index, not the record. The six-year record is the signed per-run findings in the evidence bucket
 * (Object Lock), from which any transition can be re-derived by replaying runs in order. Readers need far
 * less: the digest reads the transitions of its period (a week; its 12-week trend comes from run items,
 * which do not expire), a re-store reads its own run's. 120 days covers that, a quarter's review from the
 * table, and a month of slack, while keeping the table about the size of its states (issue 16); an
 * older period is answered from the evidence bucket. States, runs and suppressions never expire.
 */
export const TTL_ATTRIBUTE = 'expiresAt';
export const DEFAULT_HISTORY_RETENTION_DAYS = 120;
const DAY_SECONDS = 86_400;

/**
 * The AWS Backup plan of the table (infra/constructs/findings-table.ts; the benchmark prices the same
 * numbers). The table is a derived index that can be rebuilt from the signed evidence in S3, and PITR covers
 * any second of the last 35 days, so the monthly copies only bridge the gap between a corruption noticed after
 * PITR's window and a rebuild: the last three (each deleted 90 days after it was taken, so at most three exist,
 * all warm). Twelve full copies of the table, kept a year, would have cost more than the table itself.
 * Cold storage is not used: for DynamoDB it needs the account-level opt-in to AWS Backup's advanced DynamoDB
 * features (not something a stack can set) and a 90-day minimum in cold, longer than these copies are kept.
 */
export const TABLE_BACKUP = { schedule: 'monthly', deleteAfterDays: 90, copiesKept: 3 } as const;

/** Epoch seconds at which a transition recorded at `at` expires. */
export function transitionExpiry(at: string, retentionDays: number): number {
  return Math.floor(Date.parse(at) / 1000) + retentionDays * DAY_SECONDS;
}

export function stateItem(state: FindingState): Item {
  return {
    PK: keys.account(state.finding.resource.accountId),
    SK: keys.state(state.key),
    entity: ENTITY.state,
    ...slimState(state),
  };
}

export function transitionItem(t: Transition, retentionDays: number = DEFAULT_HISTORY_RETENTION_DAYS): Item {
  return {
    PK: keys.account(t.finding.resource.accountId),
    SK: keys.transition(t.at, t.runId, t.key),
    entity: ENTITY.transition,
    ...slimTransition(t),
    [TTL_ATTRIBUTE]: transitionExpiry(t.at, retentionDays),
  };
}

export function runItem(run: ScanRun): Item {
  return { PK: keys.run(run.id), SK: keys.runSk, entity: ENTITY.run, ...run, GSI3PK: keys.runsPk, GSI3SK: keys.runsSk(run.startedAt, run.id) };
}

/** A copy of the run under each account it covered, so "runs of account X" is one Query. */
export function accountRunItem(run: ScanRun, accountId: string): Item {
  return { PK: keys.account(accountId), SK: keys.accountRun(run.startedAt, run.id), entity: ENTITY.accountRun, ...run };
}

/** Written once per run and account: the account's last recorded run and, per region, the last run that assessed it. */
export function accountItem(record: AccountRecord): Item {
  return { PK: keys.accountsPk, SK: keys.account(record.accountId), entity: ENTITY.account, ...record };
}

export function suppressionItem(s: Suppression): Item {
  return { PK: keys.suppressionsPk, SK: keys.suppression(s.id), entity: ENTITY.suppression, ...s };
}

/** Key of the ledger item recording that the digest `idempotencyKey` was sent. */
export function digestSentKey(idempotencyKey: string): Item {
  return { PK: keys.digest(idempotencyKey), SK: keys.digestSk };
}

/** Written once, never updated: the conditional put on its key is what stops a second send. */
export function digestSentItem(idempotencyKey: string, messageId: string, sentAt: string): Item {
  return { ...digestSentKey(idempotencyKey), entity: ENTITY.digestSent, idempotencyKey, messageId, sentAt };
}

/** Human-readable summary for the README / `docs/table-design.md`. */
export const TABLE_DESIGN = {
  billing: 'PAY_PER_REQUEST',
  keys: { partition: 'PK (S)', sort: 'SK (S)' },
  ttl: `${TTL_ATTRIBUTE} (N, epoch seconds): on TRANSITION items only, their time + historyRetentionDays (default ${DEFAULT_HISTORY_RETENTION_DAYS})`,
  items: [
    { entity: ENTITY.state, PK: 'ACCT#<accountId>', SK: 'STATE#<accountId>#<region>#<checkId>#<arn>', gsi: '-' },
    { entity: ENTITY.accountRun, PK: 'ACCT#<accountId>', SK: 'RUN#<startedAt>#<runId>', gsi: '-' },
    { entity: ENTITY.run, PK: 'RUN#<runId>', SK: 'RUN', gsi: 'GSI3 RUNS / <startedAt>#<runId>' },
    { entity: ENTITY.transition, PK: 'ACCT#<accountId>', SK: 'TRANS#<at>#<runId>#<findingKey>', gsi: '-' },
    { entity: ENTITY.account, PK: 'ACCOUNTS', SK: 'ACCT#<accountId>', gsi: '-' },
    { entity: ENTITY.suppression, PK: 'SUPPRESSION', SK: 'SUP#<id>', gsi: '-' },
    { entity: ENTITY.runLock, PK: 'LOCK', SK: 'AUDIT_RUN', gsi: '-' },
    { entity: ENTITY.digestSent, PK: 'DIGEST#<organization>#<from>#<to>', SK: 'SENT', gsi: '-' },
  ],
  indexes: [
    { name: 'GSI3', PK: 'RUNS', SK: '<startedAt>#<runId>', purpose: 'runs by time' },
  ],
  accessPatterns: [
    ['run by id', 'GetItem RUN#<runId> / RUN'],
    ['runs by account and time', 'Query ACCT#<accountId>, SK between RUN#<from> and RUN#<to>, newest first'],
    ['all runs by time', 'Query GSI3 RUNS'],
    ['all states of an account', 'Query ACCT#<accountId>, begins_with STATE#'],
    ['oldest open failures', 'sorted by failingSince from all states of the account (read once by the digest)'],
    ['transitions of a run', 'Query ACCT#<accountId>, begins_with TRANS#<at>#<runId>#, per account of the run'],
    ['transitions since a date', 'Query ACCT#<accountId>, SK between TRANS#<date> and TRANS#\\uffff'],
    ['suppressions', 'Query SUPPRESSION'],
    ['the audit run holding the run lock', 'GetItem LOCK / AUDIT_RUN; conditional Put / Delete'],
    ['one account of a run (recorded chunk)', 'GetItem ACCT#<accountId> / RUN#<startedAt>#<runId>'],
    ['accounts ever recorded', 'Query ACCOUNTS'],
    ["an account's record (last run, last assessed per region)", 'GetItem ACCOUNTS / ACCT#<accountId>'],
    ['was this digest sent', 'GetItem DIGEST#<idempotencyKey> / SENT (consistent read)'],
  ],
} as const;
