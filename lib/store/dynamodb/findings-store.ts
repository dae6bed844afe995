import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { FindingSchema, type Finding } from '../../model/finding.js';
import { computeTransitions, coveredScopes } from '../../model/transitions.js';
import { ScanRunSchema, type ScanRun } from '../../model/run.js';
import {
  DEFAULT_HISTORY_RETENTION_DAYS,
  ENTITY,
  HIGH,
  INDEXES,
  accountItem,
  accountRunItem,
  keys,
  legacyTransitionKeys,
  runItem,
  stateItem,
  transitionItem,
  type Item,
} from '../table-design.js';
import { FindingStateSchema, type FindingState } from '../../model/finding-state.js';
import { TransitionSchema, type Transition } from '../../model/transitions.js';
import { AccountRecordSchema, advanceAccountRecord, withLastSeen, type AccountRecord } from '../account-record.js';
import { openCountsByAccount, OpenCountsSchema, RUN_OPEN_COUNTS_ATTRIBUTES, RunOpenCountsSchema, type OpenCounts, type RunOpenCounts } from '../run-counts.js';

/** An account's part of a run, with its open counts (the trend of the digest reads them from the run item). */
const AccountRunSchema = ScanRunSchema.extend({
  openCountsByAccount: z.record(z.string(), OpenCountsSchema).optional(),
  /** What could not be exported after recording (Security Hub import); FinalizeRun lists them with the run's errors. */
  exportErrors: ScanRunSchema.shape.collectionErrors.optional(),
});
export type AccountRun = z.infer<typeof AccountRunSchema>;
import { type FindingsQuery, type FindingsStore, type RecordRunResult } from '../types.js';
import { hydrateItem } from '../slim-items.js';
import { batchPut, isConditionalCheckFailed, parseItem, queryAll, type BatchOptions } from './io.js';

export interface DynamoFindingsQuery extends FindingsQuery {
  /** States whose resource disappeared (GONE) are history, not current; include them on request. */
  includeGone?: boolean;
}

const byString = <T>(pick: (t: T) => string) => (a: T, b: T) => (pick(a) < pick(b) ? -1 : pick(a) > pick(b) ? 1 : 0);

/** FindingsStore on one DynamoDB table; see lib/store/table-design.ts for the keys. */
export class DynamoFindingsStore implements FindingsStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: { batch?: BatchOptions; pageSize?: number; historyRetentionDays?: number } = {},
  ) {}

  private transitionItems(transitions: readonly Transition[]): Item[] {
    return transitions.map((t) => transitionItem(t, this.options.historyRetentionDays ?? DEFAULT_HISTORY_RETENTION_DAYS));
  }

  private query(input: QueryCommandInput, limit?: number): Promise<Item[]> {
    return queryAll(this.doc, input, { ...(limit !== undefined ? { limit } : {}), ...(this.options.pageSize ? { pageSize: this.options.pageSize } : {}) });
  }

  /**
   * Idempotent and crash-safe. Writes only what changed: transitions (PERSISTING is implied, not stored),
   * then the states that changed, then one account item per account (last recorded run, and per region the
   * last run that assessed it: the "last seen" of every state left untouched), and last the run item as the
   * commit marker (conditional put). A re-store after commit changes nothing and returns what was stored.
   * A re-store after a crash mid-way recomputes: transitions have deterministic keys (one per finding per
   * run) so rewriting them is harmless, and states already stamped with this run id are skipped by
   * computeTransitions, whose transitions were written before them.
   */
  async recordRun(run: ScanRun, findings: readonly Finding[]): Promise<RecordRunResult> {
    const validRun = ScanRunSchema.parse(run);
    const validFindings = z.array(FindingSchema).parse(findings);
    const stored = await this.getRun(validRun.id, true);
    if (stored) return { run: stored, transitions: await this.transitionsOfRun(stored), written: false };

    const change = await this.changesOf(validRun, validFindings);
    await batchPut(this.doc, this.tableName, this.transitionItems(change.transitions), this.options.batch);
    await batchPut(this.doc, this.tableName, change.states.map(stateItem), this.options.batch);
    await batchPut(
      this.doc,
      this.tableName,
      [...change.accounts.map(accountItem), ...validRun.accountIds.map((a) => accountRunItem(validRun, a))],
      this.options.batch,
    );
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...runItem(validRun), openCountsByAccount: openCountsByAccount(validRun.accountIds, validFindings) },
          ConditionExpression: 'attribute_not_exists(PK)' }),
      );
    } catch (err) {
      // Another writer committed the same run between our check and now: theirs stands.
      if (!isConditionalCheckFailed(err)) throw err;
      const theirs = await this.getRun(validRun.id, true);
      if (!theirs) throw err;
      return { run: theirs, transitions: await this.transitionsOfRun(theirs), written: false };
    }
    return { run: validRun, transitions: await this.transitionsOfRun(validRun), written: true };
  }

  /**
   * One account's part of a run, recorded as one bounded chunk: the account's previous states only, its
   * transitions, its changed states, its account item, and last its account-run item as the commit marker.
   * Idempotent like recordRun. A FAILED account run (nothing assessed) changes no state: nothing becomes
   * RESOLVED or GONE, and no region counts as assessed.
   */
  async recordAccountRun(accountRun: ScanRun, findings: readonly Finding[]): Promise<{ written: boolean; transitions: number }> {
    const run = ScanRunSchema.parse(accountRun);
    const [accountId, ...others] = run.accountIds;
    if (!accountId || others.length > 0) throw new Error(`recordAccountRun records one account, got ${run.accountIds.join(', ')}`);
    const validFindings = z.array(FindingSchema).parse(findings);
    if (await this.getAccountRun(accountId, run.startedAt, run.id, true)) return { written: false, transitions: 0 };

    const change = await this.changesOf(run, validFindings);
    await batchPut(this.doc, this.tableName, this.transitionItems(change.transitions), this.options.batch);
    await batchPut(this.doc, this.tableName, [...change.states.map(stateItem), ...change.accounts.map(accountItem)], this.options.batch);
    try {
      await this.doc.send(
        new PutCommand({ TableName: this.tableName, Item: { ...accountRunItem(run, accountId), openCountsByAccount: openCountsByAccount([accountId], validFindings) }, ConditionExpression: 'attribute_not_exists(PK)' }),
      );
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      return { written: false, transitions: 0 };
    }
    return { written: true, transitions: change.transitions.length };
  }

  /**
   * What `run` changes in its accounts: one Query of each account's states (every state, open or not: a PASS
   * seen again unchanged must be told from a new one, and an open state missing from an assessed region
   * becomes RESOLVED/GONE) and one consistent GetItem of its account record. The Query is consistent only
   * when it must be (`statesReadConsistently`); a daily run reads at half the price.
   */
  private async changesOf(run: ScanRun, findings: readonly Finding[]): Promise<{ states: FindingState[]; transitions: Transition[]; accounts: AccountRecord[] }> {
    const previous = new Map<string, FindingState>();
    const records: AccountRecord[] = [];
    for (const accountId of run.accountIds) {
      const record = await this.getAccountRecord(accountId, true);
      // A newer run of this account is already recorded (an old run replayed late): it may add states never
      // seen, but must not rewind any existing one, as if each had been seen at the newer run.
      const newer = record?.lastRecordedAt !== undefined && record.lastRecordedAt > run.finishedAt ? record.lastRecordedAt : undefined;
      for (const state of await this.statesOfAccount(accountId, statesReadConsistently(record, run))) {
        const seen = withLastSeen(state, record);
        previous.set(state.key, newer && !seen.gone && seen.lastSeenAt < newer ? { ...seen, lastSeenAt: newer } : seen);
      }
      if (record) records.push(record);
    }
    const { states, transitions } = computeTransitions(previous, run, findings);
    const covered = coveredScopes(run, findings);
    const accounts = run.accountIds.map((a) => advanceAccountRecord(records.find((r) => r.accountId === a), a, run, covered));
    return { states, transitions, accounts };
  }

  /** The account's record (last recorded run, last assessment per region); undefined before its first run. */
  async getAccountRecord(accountId: string, consistent = false): Promise<AccountRecord | undefined> {
    const { Item: item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: keys.accountsPk, SK: keys.account(accountId) }, ConsistentRead: consistent }),
    );
    return item ? parseItem(AccountRecordSchema, item, ENTITY.account) : undefined;
  }

  /**
   * Notes on an account's recorded run what its export (Security Hub) could not deliver. The audit record
   * itself is unchanged: an export failure is reported, never a reason to assess differently.
   */
  async noteAccountRunExportErrors(accountId: string, startedAt: string, runId: string, errors: ScanRun['collectionErrors']): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { PK: keys.account(accountId), SK: keys.accountRun(startedAt, runId) },
        UpdateExpression: 'SET exportErrors = :errors',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':errors': ScanRunSchema.shape.collectionErrors.parse(errors) },
      }),
    );
  }

  /** An account's part of a run, as recordAccountRun stored it. */
  async getAccountRun(accountId: string, startedAt: string, runId: string, consistent = false): Promise<AccountRun | undefined> {
    const { Item: item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: keys.account(accountId), SK: keys.accountRun(startedAt, runId) }, ConsistentRead: consistent }),
    );
    return item ? parseItem(AccountRunSchema, item, ENTITY.accountRun) : undefined;
  }

  /** The run item for runs recorded account by account; the first commit stands (idempotent). */
  async commitRun(run: ScanRun, openCounts: Record<string, OpenCounts> = {}): Promise<{ run: ScanRun; written: boolean }> {
    const valid = ScanRunSchema.parse(run);
    try {
      const item = { ...runItem(valid), openCountsByAccount: openCounts };
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
      return { run: valid, written: true };
    } catch (err) {
      if (!isConditionalCheckFailed(err)) throw err;
      const theirs = await this.getRun(valid.id, true);
      if (!theirs) throw err;
      return { run: theirs, written: false };
    }
  }

  async getRun(runId: string, consistent = false): Promise<ScanRun | undefined> {
    const { Item: item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: keys.run(runId), SK: keys.runSk }, ConsistentRead: consistent }),
    );
    return item ? parseItem(ScanRunSchema, item, ENTITY.run) : undefined;
  }

  async listRuns(query: { accountId?: string; from?: string; to?: string; limit?: number } = {}): Promise<ScanRun[]> {
    const lower = query.from ?? '';
    const upper = `${query.to ?? ''}${HIGH}`;
    const input: QueryCommandInput = query.accountId
      ? {
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
          ExpressionAttributeValues: { ':pk': keys.account(query.accountId), ':lo': `${keys.accountRunPrefix}${lower}`, ':hi': `${keys.accountRunPrefix}${upper}` },
          ScanIndexForward: false,
        }
      : {
          TableName: this.tableName,
          IndexName: INDEXES.gsi3,
          // DynamoDB rejects an empty-string key bound, so an open lower bound is just `<=`.
          KeyConditionExpression: lower ? 'GSI3PK = :pk AND GSI3SK BETWEEN :lo AND :hi' : 'GSI3PK = :pk AND GSI3SK <= :hi',
          ExpressionAttributeValues: { ':pk': keys.runsPk, ':hi': upper, ...(lower ? { ':lo': lower } : {}) },
          ScanIndexForward: false,
        };
    const items = await this.query(input, query.limit);
    return items.map((item) => parseItem(ScanRunSchema, item, ENTITY.run));
  }

  /** One Query on GSI3 `RUNS`, projected to the counts: bounded by the number of runs in the window. */
  async runOpenCounts(query: { from: string; to: string }): Promise<RunOpenCounts[]> {
    const names = Object.fromEntries(RUN_OPEN_COUNTS_ATTRIBUTES.map((a, i) => [`#a${i}`, a]));
    const items = await this.query({
      TableName: this.tableName,
      IndexName: INDEXES.gsi3,
      KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':pk': keys.runsPk, ':lo': query.from, ':hi': `${query.to}${HIGH}` },
      ProjectionExpression: Object.keys(names).join(', '),
      ExpressionAttributeNames: names,
      ScanIndexForward: true,
    });
    return items.map((item) => parseItem(RunOpenCountsSchema, item, ENTITY.run));
  }

  async currentFindings(query: DynamoFindingsQuery = {}): Promise<FindingState[]> {
    const statuses = query.statuses;
    const results: FindingState[] = [];
    for (const record of await this.recordsFor(query.accountId)) {
      const states = await this.statesOfAccount(record.accountId, false);
      results.push(...states
        .filter((s) => (query.includeGone || !s.gone) && (!statuses || statuses.includes(s.status)))
        .map((s) => withLastSeen(s, record)));
    }
    return results;
  }

  async transitionsSince(since: string, query: { accountId?: string } = {}): Promise<Transition[]> {
    const results: Transition[] = [];
    for (const accountId of await this.accountsFor(query.accountId)) {
      results.push(...(await this.transitionsOfAccount(accountId, `${keys.transitionPrefix}${since}`, `${keys.transitionPrefix}${HIGH}`)));
      results.push(...(await this.legacyTransitionsSince(accountId, since)));
    }
    return results.sort(byString((t) => `${t.at}#${t.runId}#${t.key}`));
  }

  /** Transitions one run produced, in key order: a prefix of each of its accounts' partitions. */
  async transitionsOfRun(run: Pick<ScanRun, 'id' | 'finishedAt' | 'accountIds'>): Promise<Transition[]> {
    const prefix = keys.transitionsOfRunPrefix(run.finishedAt, run.id);
    const results: Transition[] = [];
    for (const accountId of run.accountIds) results.push(...(await this.transitionsOfAccount(accountId, prefix, `${prefix}${HIGH}`, true)));
    if (results.length === 0) results.push(...(await this.legacyTransitionsOfRun(run.id)));
    return results.sort(byString((t) => t.key));
  }

  private async transitionsOfAccount(accountId: string, lower: string, upper: string, consistent = false): Promise<Transition[]> {
    const items = await this.query({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':pk': keys.account(accountId), ':lo': lower, ':hi': upper },
      ConsistentRead: consistent,
    });
    return items.map(parseTransition);
  }

  /** Transitions recorded before they moved into the account's partition, until their TTL removes them. */
  private async legacyTransitionsSince(accountId: string, since: string): Promise<Transition[]> {
    const items = await this.query({
      TableName: this.tableName,
      IndexName: INDEXES.gsi3,
      KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK >= :since',
      ExpressionAttributeValues: { ':pk': legacyTransitionKeys.gsi3Pk(accountId), ':since': since },
    });
    return items.map(parseTransition);
  }

  private async legacyTransitionsOfRun(runId: string): Promise<Transition[]> {
    return (await this.itemsUnder(legacyTransitionKeys.run(runId), keys.transitionPrefix, true)).map(parseTransition);
  }

  /** Every account a run has ever been recorded for. */
  async listAccounts(): Promise<string[]> {
    return (await this.listAccountRecords()).map((r) => r.accountId);
  }

  /** The records of every account a run has ever been recorded for (one Query on one partition). */
  async listAccountRecords(): Promise<AccountRecord[]> {
    const items = await this.query({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.accountsPk },
    });
    return items.map((item) => parseItem(AccountRecordSchema, item, ENTITY.account));
  }

  private async accountsFor(accountId: string | undefined): Promise<string[]> {
    return accountId ? [accountId] : this.listAccounts();
  }

  /** One account's record (or a bare one when it was never recorded), or every account's. */
  private async recordsFor(accountId: string | undefined): Promise<AccountRecord[]> {
    if (!accountId) return this.listAccountRecords();
    return [(await this.getAccountRecord(accountId)) ?? { accountId }];
  }

  private async statesOfAccount(accountId: string, consistent: boolean): Promise<FindingState[]> {
    const items = await this.itemsUnder(keys.account(accountId), keys.statePrefix, consistent);
    return items.map((item) => parseItem(FindingStateSchema, hydrateItem(item, keys.statePrefix), ENTITY.state));
  }

  /** Every item of partition `pk` whose sort key starts with `skPrefix`. */
  private itemsUnder(pk: string, skPrefix: string, consistent: boolean): Promise<Item[]> {
    return this.query({
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: consistent,
    });
  }
}

/**
 * A transition item's finding key is its sort key after `TRANS#<at>#<runId>#`; an item of the earlier
 * layout (`RUN#<runId>` / `TRANS#<findingKey>`) has it after `TRANS#`.
 */
function parseTransition(item: Item): Transition {
  const runPrefix = typeof item.at === 'string' && typeof item.runId === 'string' ? keys.transitionsOfRunPrefix(item.at, item.runId) : undefined;
  const prefix = runPrefix && typeof item.SK === 'string' && item.SK.startsWith(runPrefix) ? runPrefix : keys.transitionPrefix;
  return parseItem(TransitionSchema, hydrateItem(item, prefix), ENTITY.transition);
}

/**
 * Eventually consistent reads may miss writes of about the last second. Recording reads an account's states
 * consistently only when such writes can matter: the account's last recorded run finished less than
 * RECENT_RECORD_MS before this one (a CLI run right after another, a replay, or a retry of this run after it
 * wrote its account item). Otherwise the previous writes finished hours ago: the pipeline records an account
 * within its 6 h run timeout, so a run recorded 7 h after the previous run finished reads states written at
 * least an hour before. A retry of this run that crashed before its account item re-reads either its own
 * writes (skipped, already stamped with this run) or the states before them (recomputed to the same items,
 * computeTransitions being deterministic): either read gives the same outcome.
 */
const RECENT_RECORD_MS = 7 * 3_600_000;

function statesReadConsistently(record: AccountRecord | undefined, run: ScanRun): boolean {
  if (record?.lastRecordedAt === undefined) return false;
  return Date.parse(run.finishedAt) - Date.parse(record.lastRecordedAt) < RECENT_RECORD_MS;
}
