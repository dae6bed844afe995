import { DeleteItemCommand, DescribeTimeToLiveCommand, DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, ScanCommand as DocScanCommand } from '@aws-sdk/lib-dynamodb';
import { toFinding } from '../../lib/checks/evaluate.js';
import { CHECKS } from '../../lib/checks/registry.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { findingKey } from '../../lib/model/finding.js';
import { applySuppressions } from '../../lib/model/suppressions.js';
import { failureAgeDays } from '../../lib/model/transitions.js';
import { DynamoFindingsStore, StoreItemValidationError, createDynamoStores, createTable } from '../../lib/store/dynamodb/index.js';
import { keys, TTL_ATTRIBUTE } from '../../lib/store/table-design.js';
import type { FindingState } from '../../lib/model/finding-state.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { ACCOUNT, OTHER_ACCOUNT, finding, run, suppression } from '../findings/fixtures.js';
import { freshStores } from './helpers.js';

let moto: MotoServer;
let clients: AwsClientFactory;

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
});
afterAll(async () => {
  clients.destroy();
  await moto.stop();
});

const day = (d: number) => `2025-03-${String(d).padStart(2, '0')}T06:00:00.000Z`;
const key = findingKey(finding());

/** The stored state of one finding key, gone or not. */
async function stateOf(store: DynamoFindingsStore, findingKey: string): Promise<FindingState | undefined> {
  return (await store.currentFindings({ includeGone: true })).find((s) => s.key === findingKey);
}

async function scanItems(tableName: string): Promise<Record<string, unknown>[]> {
  const out = await DynamoDBDocumentClient.from(clients.get(DynamoDBClient, 'us-east-1')).send(new DocScanCommand({ TableName: tableName }));
  return out.Items ?? [];
}

async function itemCount(tableName: string): Promise<number> {
  const out = await clients.get(DynamoDBClient, 'us-east-1').send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }));
  return out.Count ?? 0;
}

describe('DynamoFindingsStore', () => {
  it('records new -> resolved -> regressed across runs (PERSISTING is implied, not stored)', async () => {
    const { findings: store } = await freshStores(clients);
    const kinds: string[] = [];
    const sequence = [finding(), finding(), finding({ status: 'PASS' }), finding()];
    for (const [i, f] of sequence.entries()) {
      const result = await store.recordRun(run({ id: `r${i + 1}`, finishedAt: day(i + 1) }, [f]), [f]);
      expect(result.written).toBe(true);
      kinds.push(...result.transitions.map((t) => t.kind));
    }
    expect(kinds).toEqual(['NEW', 'RESOLVED', 'REGRESSED']);
    expect(await stateOf(store, key)).toMatchObject({ status: 'FAIL', failingSince: day(4), firstSeenAt: day(1), everResolved: true });
    expect((await store.transitionsSince(day(3))).map((t) => t.kind)).toEqual(['RESOLVED', 'REGRESSED']);
    expect((await store.listRuns({ accountId: ACCOUNT })).map((r) => r.id)).toEqual(['r4', 'r3', 'r2', 'r1']);
    expect((await store.listRuns({ limit: 2 })).map((r) => r.id)).toEqual(['r4', 'r3']);
    expect((await store.listRuns({ from: '2025-03-02', to: '2025-03-03' })).map((r) => r.id)).toEqual(['r3', 'r2']);
    expect((await store.getRun('r2'))?.finishedAt).toBe(day(2));
  });

  it('stamps transitions (and nothing else) with their expiry: historyRetentionDays after they happened, in epoch seconds', async () => {
    const { tableName } = await freshStores(clients);
    const { findings: store } = createDynamoStores({ clients, region: 'us-east-1', tableName, historyRetentionDays: 30 });
    await store.recordRun(run({ id: 'r1', finishedAt: day(1) }, [finding()]), [finding(), finding({ id: 'ok', status: 'PASS' })]);
    const items = await scanItems(tableName);
    const transitions = items.filter((i) => i.entity === 'TRANSITION');
    expect(transitions).toHaveLength(1);
    // 2025-03-01T06:00:00Z is 1740808800; + 30 days.
    expect(transitions[0]?.[TTL_ATTRIBUTE]).toBe(1740808800 + 30 * 86_400);
    expect(items.filter((i) => i.entity !== 'TRANSITION' && TTL_ATTRIBUTE in i)).toEqual([]);
    // The attribute does not leak into what readers get back.
    expect(Object.keys((await store.transitionsSince(day(1)))[0] ?? {})).not.toContain(TTL_ATTRIBUTE);
    const ttl = await clients.get(DynamoDBClient, 'us-east-1').send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: TTL_ATTRIBUTE });
  });

  it('keeps transitions in the account partition by time and puts no state or transition in an index', async () => {
    const { findings: store, tableName } = await freshStores(clients);
    const r1 = run({ id: 'r1', finishedAt: day(1) });
    await store.recordRun(r1, [finding(), finding({ id: 'ok', status: 'PASS' })]);
    const items = await scanItems(tableName);
    const transition = items.find((i) => i.entity === 'TRANSITION');
    expect(transition).toMatchObject({ PK: keys.account(ACCOUNT), SK: keys.transition(day(1), 'r1', key) });
    // Index copies are write units and storage: only run items (all runs by time) are indexed.
    const indexed = items.filter((i) => Object.keys(i).some((k) => k.startsWith('GSI')));
    expect(indexed.map((i) => i.entity)).toEqual(['RUN']);
    expect((await store.transitionsOfRun(r1)).map((t) => [t.key, t.kind])).toEqual([[key, 'NEW']]);
  });

  it('still reads transitions of the earlier layout (run partition, GSI3 by account) until their TTL removes them', async () => {
    const { findings: store, tableName } = await freshStores(clients);
    const r1 = run({ id: 'r1', finishedAt: day(1) });
    await store.recordRun(r1, [finding()]);
    // Move r1's transition to where an earlier release wrote it, as that release wrote it.
    const doc = DynamoDBDocumentClient.from(clients.get(DynamoDBClient, 'us-east-1'));
    const [current] = (await scanItems(tableName)).filter((i) => i.entity === 'TRANSITION');
    await clients.get(DynamoDBClient, 'us-east-1').send(new DeleteItemCommand({ TableName: tableName, Key: { PK: { S: String(current?.PK) }, SK: { S: String(current?.SK) } } }));
    const { PK: _pk, SK: _sk, ...attributes } = current ?? {};
    await doc.send(new PutCommand({
      TableName: tableName,
      Item: { ...attributes, PK: 'RUN#r1', SK: `TRANS#${key}`, GSI3PK: `TRANS#${ACCOUNT}`, GSI3SK: `${day(1)}#r1#${key}` },
    }));
    await store.recordRun(run({ id: 'r2', finishedAt: day(2) }), [finding({ status: 'PASS' })]);

    expect((await store.transitionsSince(day(1))).map((t) => [t.runId, t.kind, t.key])).toEqual([
      ['r1', 'NEW', key],
      ['r2', 'RESOLVED', key],
    ]);
    const again = await store.recordRun(r1, [finding()]);
    expect(again).toMatchObject({ written: false, transitions: [expect.objectContaining({ runId: 'r1', kind: 'NEW', key })] });
  });

  it("reads an account's states consistently only when a write of the last hours could be missed", async () => {
    const { findings: store, tableName } = await freshStores(clients);
    const dynamo = clients.get(DynamoDBClient, 'us-east-1');
    const stateQueries: boolean[] = [];
    // Observe what the store asks DynamoDB for (moto answers every read consistently, so the flag is all there is to see).
    dynamo.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { TableName?: string; ExpressionAttributeValues?: Record<string, unknown>; ConsistentRead?: boolean };
        const prefix = input.ExpressionAttributeValues?.[':prefix'];
        if (input.TableName === tableName && (prefix === keys.statePrefix || (prefix as { S?: string } | undefined)?.S === keys.statePrefix)) {
          stateQueries.push(input.ConsistentRead === true);
        }
        return next(args);
      },
      { step: 'initialize', name: 'stateQueryProbe' },
    );
    try {
      const recordingQueries = async (r: Parameters<DynamoFindingsStore['recordRun']>[0]) => {
        stateQueries.length = 0;
        await store.recordRun(r, [finding()]);
        return [...stateQueries];
      };
      expect(await recordingQueries(run({ id: 'r1', finishedAt: day(1) }))).toEqual([false]);
      // A day later: the previous run's writes are long settled.
      expect(await recordingQueries(run({ id: 'r2', finishedAt: day(2) }))).toEqual([false]);
      // Minutes after the previous run (a CLI run right after another): consistent.
      expect(await recordingQueries(run({ id: 'r3', finishedAt: '2025-03-02T06:05:00.000Z' }))).toEqual([true]);
      // An old run replayed after a newer one: consistent.
      expect(await recordingQueries(run({ id: 'r0', finishedAt: '2025-02-20T06:00:00.000Z' }))).toEqual([true]);
    } finally {
      dynamo.middlewareStack.remove('stateQueryProbe');
    }
  });

  it('stores states and transitions without the catalog texts or the key, and reads them back whole; older full items still read', async () => {
    const { findings: store, tableName } = await freshStores(clients);
    const check = CHECKS[0]!;
    const fromCatalog = toFinding(check, { status: 'FAIL', reason: 'per-resource reason', resource: finding().resource });
    // A finding whose text differs from the catalog (an older release's wording) keeps its own text.
    const reworded = { ...finding({ id: 'other' }), title: 'Older wording', remediation: 'Older remediation' };
    await store.recordRun(run({ id: 'r1', finishedAt: day(1) }, [fromCatalog, reworded]), [fromCatalog, reworded]);

    const items = await scanItems(tableName);
    // The check id is in the sort key (the finding key), not in the stored finding.
    const slim = items.filter((i) => (i.entity === 'STATE' || i.entity === 'TRANSITION') && String(i.SK).includes(`#${check.id}#`));
    expect(slim.map((i) => i.entity).sort()).toEqual(['STATE', 'TRANSITION']);
    for (const item of slim) {
      expect(item).not.toHaveProperty('key');
      expect(item.finding).toEqual({ severity: check.severity, reason: 'per-resource reason', resource: { id: fromCatalog.resource.id, type: fromCatalog.resource.type } });
    }
    const kept = items.find((i) => i.entity === 'STATE' && (i.finding as { resource: { id: string } }).resource.id === 'other');
    expect(kept?.finding).toMatchObject({ title: 'Older wording', remediation: 'Older remediation' });

    const states = await store.currentFindings({ accountId: ACCOUNT });
    expect(states.find((s) => s.key === findingKey(fromCatalog))?.finding).toEqual(fromCatalog);
    expect(states.find((s) => s.key === findingKey(reworded))?.finding).toEqual(reworded);
    expect((await store.transitionsSince(day(1))).map((t) => t.finding)).toEqual(expect.arrayContaining([fromCatalog, reworded]));

    // An item as written before slimming (key and every text inline) reads as it did.
    const oldState = { ...states.find((s) => s.key === findingKey(fromCatalog))!, key: `${ACCOUNT}#us-east-1#${check.id}#arn:old`, finding: { ...fromCatalog, resource: { ...fromCatalog.resource, arn: 'arn:old' } } };
    await DynamoDBDocumentClient.from(clients.get(DynamoDBClient, 'us-east-1')).send(new PutCommand({
      TableName: tableName, Item: { PK: keys.account(ACCOUNT), SK: keys.state(oldState.key), entity: 'STATE', ...oldState },
    }));
    expect((await store.currentFindings({ accountId: ACCOUNT })).find((s) => s.key === oldState.key)).toMatchObject({ key: oldState.key, finding: oldState.finding });
  });

  it('writes nothing per finding for a run in which nothing changed; last seen comes from the account item', async () => {
    const { findings: store, tableName } = await freshStores(clients);
    const west = finding({ id: 'west-bucket', region: 'us-west-2', status: 'PASS' });
    const all = [finding(), finding({ id: 'ok', status: 'PASS' }), west];
    const regions = ['us-east-1', 'us-west-2'];
    await store.recordRun(run({ id: 'r1', finishedAt: day(1), regions }), all);
    const items = await scanItems(tableName);
    const before = await itemCount(tableName);

    const second = await store.recordRun(run({ id: 'r2', finishedAt: day(2), regions }), all);
    expect(second.transitions).toEqual([]);
    // Only the run item and the account-run item are new; the account item is overwritten; no state changed.
    expect(await itemCount(tableName)).toBe(before + 2);
    const after = await scanItems(tableName);
    const changed = after.filter((i) => JSON.stringify(i) !== JSON.stringify(items.find((j) => j.SK === i.SK && j.PK === i.PK)));
    expect(changed.map((i) => `${String(i.PK)}|${String(i.SK)}`).sort()).toEqual([`ACCOUNTS|ACCT#${ACCOUNT}`, `ACCT#${ACCOUNT}|RUN#${run({ id: 'r2', finishedAt: day(2) }).startedAt}#r2`, 'RUN#r2|RUN']);
    expect(await stateOf(store, key)).toMatchObject({ status: 'FAIL', lastSeenAt: day(2), lastRunId: 'r2', lastChangedAt: day(1), failingSince: day(1) });

    // r3 could not assess us-west-2: what lives there was last seen by r2, the rest by r3.
    const partial = run({
      id: 'r3', finishedAt: day(3), regions, status: 'PARTIAL',
      collectionErrors: [{ code: 'AccessDenied', message: 'no', operation: 's3:GetBucketEncryption', accountId: ACCOUNT, region: 'us-west-2' }],
    });
    await store.recordRun(partial, all.filter((f) => f.resource.region !== 'us-west-2'));
    expect(await stateOf(store, findingKey(west))).toMatchObject({ lastSeenAt: day(2), lastRunId: 'r2', gone: false });
    expect(await stateOf(store, key)).toMatchObject({ lastSeenAt: day(3), lastRunId: 'r3' });
  });

  it('replaying an older run after a newer one rewinds no existing state', async () => {
    const { findings: store } = await freshStores(clients);
    await store.recordRun(run({ id: 'r1', finishedAt: day(1) }), [finding()]);
    await store.recordRun(run({ id: 'r3', finishedAt: day(3) }), [finding()]);
    const late = await store.recordRun(run({ id: 'r2', finishedAt: day(2) }), [finding({ status: 'PASS' }), finding({ id: 'new-one' })]);
    expect(late.transitions.map((t) => [t.finding.resource.id, t.kind])).toEqual([['new-one', 'NEW']]);
    expect(await stateOf(store, key)).toMatchObject({ status: 'FAIL', lastSeenAt: day(3), lastRunId: 'r3' });
    expect((await store.getAccountRecord(ACCOUNT))?.lastRecordedAt).toBe(day(3));
  });

  it('marks a vanished resource GONE and keeps it out of current findings', async () => {
    const { findings: store } = await freshStores(clients);
    await store.recordRun(run({ id: 'r1', finishedAt: day(1) }), [finding()]);
    const second = await store.recordRun(run({ id: 'r2', finishedAt: day(2) }), []);
    expect(second.transitions).toEqual([expect.objectContaining({ key, kind: 'GONE', from: 'FAIL' })]);
    expect(await store.currentFindings({ accountId: ACCOUNT })).toEqual([]);
    expect(await store.currentFindings({ accountId: ACCOUNT, includeGone: true })).toEqual([expect.objectContaining({ key, gone: true })]);
  });

  it('stores the same run twice without changing anything', async () => {
    const { findings: store, tableName } = await freshStores(clients);
    const r1 = run({ id: 'r1', finishedAt: day(1) });
    const f = [finding(), finding({ id: 'b2', status: 'PASS' })];
    const first = await store.recordRun(r1, f);
    const before = { count: await itemCount(tableName), states: await store.currentFindings() };
    const again = await store.recordRun(r1, f);
    expect(again.written).toBe(false);
    expect(again.transitions).toEqual(first.transitions);
    expect(await itemCount(tableName)).toBe(before.count);
    expect(await store.currentFindings()).toEqual(before.states);
    expect(await store.transitionsSince('2025-01-01')).toHaveLength(1);
  });

  it('recovers from a store interrupted before its commit marker without changing the outcome', async () => {
    const { findings: store, tableName } = await freshStores(clients);
    await store.recordRun(run({ id: 'r1', finishedAt: day(1) }), [finding()]);
    const r2 = run({ id: 'r2', finishedAt: day(2) });
    const first = await store.recordRun(r2, [finding({ status: 'PASS' })]);
    // Simulate a crash after transitions and states were written but before the run item committed.
    await clients.get(DynamoDBClient, 'us-east-1').send(new DeleteItemCommand({ TableName: tableName, Key: { PK: { S: 'RUN#r2' }, SK: { S: 'RUN' } } }));
    const retried = await store.recordRun(r2, [finding({ status: 'PASS' })]);
    expect(retried.written).toBe(true);
    expect(retried.transitions).toEqual(first.transitions);
    expect(retried.transitions.map((t) => t.kind)).toEqual(['RESOLVED']);
    expect(await stateOf(store, key)).toMatchObject({ status: 'PASS', everResolved: true, lastRunId: 'r2' });
  });

  it('does not resolve a FAIL that a PARTIAL run could not assess', async () => {
    const { findings: store } = await freshStores(clients);
    const other = finding({ id: 'other-bucket' });
    await store.recordRun(run({ id: 'r1', finishedAt: day(1) }), [finding(), other]);
    const partial = run({
      id: 'r2',
      finishedAt: day(2),
      status: 'PARTIAL',
      collectionErrors: [{ code: 'AccessDenied', message: 'no', operation: 's3:GetBucketEncryption', accountId: ACCOUNT, region: 'us-east-1' }],
    });
    const result = await store.recordRun(partial, [finding({ id: 'other-bucket', status: 'PASS' })]);
    expect(result.transitions.map((t) => [t.key, t.kind])).toEqual([[findingKey(other), 'RESOLVED']]);
    expect(await stateOf(store, key)).toMatchObject({ status: 'FAIL', gone: false, failingSince: day(1) });
  });

  it('applies a suppression and reverts when it expires', async () => {
    const { findings: store } = await freshStores(clients);
    const acceptance = [suppression({ expiresAt: '2025-03-02' })];
    const stored = async (id: string, d: number) => {
      const findings = applySuppressions([finding()], acceptance, new Date(day(d)));
      return (await store.recordRun(run({ id, finishedAt: day(d) }), findings)).transitions.map((t) => t.kind);
    };
    expect(await stored('r1', 1)).toEqual(['SUPPRESSED']);
    expect(await store.currentFindings({ statuses: ['SUPPRESSED'] })).toEqual([
      expect.objectContaining({ key, finding: expect.objectContaining({ suppression: expect.objectContaining({ id: 'acc-1' }) }) }),
    ]);
    expect(await store.currentFindings({ statuses: ['FAIL'] })).toEqual([]);
    expect(await stored('r2', 2)).toEqual([]);
    expect(await stored('r3', 3)).toEqual(['UNSUPPRESSED']);
    const [open] = await store.currentFindings({ statuses: ['FAIL'] });
    expect(open?.finding.reason).toContain('expired 2025-03-02');
    expect(open?.failingSince).toBe(day(1));
  });

  it('answers current failures, open errors and failure ages', async () => {
    const { findings: store } = await freshStores(clients);
    const critical = finding({ id: 'crit', severity: 'critical', citations: ['164.312(b)'] });
    const low = finding({ id: 'low', severity: 'low', citations: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'] });
    const errored = finding({ id: 'err' });
    const other = finding({ id: 'elsewhere', accountId: OTHER_ACCOUNT, severity: 'medium' });
    await store.recordRun(run({ id: 'r1', finishedAt: day(1) }), [low, errored]);
    await store.recordRun(run({ id: 'r0', finishedAt: day(2), accountIds: [OTHER_ACCOUNT] }), [other]);
    await store.recordRun(run({ id: 'r2', finishedAt: day(3) }), [low, critical, { ...errored, status: 'ERROR' }]);

    const failing = async (accountId?: string) =>
      (await store.currentFindings({ statuses: ['FAIL'], ...(accountId ? { accountId } : {}) })).map((s) => s.finding.resource.id).sort();
    expect(await failing(ACCOUNT)).toEqual(['crit', 'low']);
    expect(await failing()).toEqual(['crit', 'elsewhere', 'low']);

    expect(await store.currentFindings({ statuses: ['ERROR'] })).toEqual([
      expect.objectContaining({ status: 'ERROR', lastAssessedStatus: 'FAIL', failingSince: day(1) }),
    ]);

    const open = await store.currentFindings({ statuses: ['FAIL', 'ERROR'] });
    expect(open.map((s) => [s.finding.resource.id, failureAgeDays(s, new Date(day(10)))]).sort()).toEqual([
      ['crit', 7],
      ['elsewhere', 8],
      ['err', 9],
      ['low', 9],
    ]);

    expect((await store.transitionsSince(day(2))).map((t) => `${t.finding.resource.id}:${t.kind}`)).toEqual([
      'elsewhere:NEW',
      'crit:NEW',
      'err:ERRORED',
    ]);
    expect(await store.transitionsSince(day(2), { accountId: OTHER_ACCOUNT })).toHaveLength(1);
  });

  it('paginates every query and batches writes beyond 25 items', async () => {
    // Page size 7: every read below needs several pages, so LastEvaluatedKey handling is exercised.
    const { findings: store } = await freshStores(clients, undefined, 7);
    const many = Array.from({ length: 40 }, (_, i) => finding({ id: `bucket-${String(i).padStart(3, '0')}`, severity: i % 2 ? 'low' : 'high' }));
    const result = await store.recordRun(run({ id: 'r1', finishedAt: day(1) }), many);
    expect(result.transitions).toHaveLength(40);
    expect(await store.currentFindings({ accountId: ACCOUNT })).toHaveLength(40);
    expect(await store.currentFindings({ statuses: ['FAIL'] })).toHaveLength(40);
    expect(await store.transitionsSince('2025-01-01')).toHaveLength(40);
    expect((await store.recordRun(run({ id: 'r1', finishedAt: day(1) }), many)).transitions).toHaveLength(40);
  });

  it('rejects a corrupted item with an error naming its key', async () => {
    const { findings: store, tableName } = await freshStores(clients);
    await store.recordRun(run({ id: 'r1', finishedAt: day(1) }), [finding()]);
    await clients.get(DynamoDBClient, 'us-east-1').send(
      new PutItemCommand({
        TableName: tableName,
        Item: { PK: { S: `ACCT#${ACCOUNT}` }, SK: { S: 'STATE#bad' }, key: { S: 'bad' }, status: { S: 'MAYBE' } },
      }),
    );
    await expect(store.currentFindings({ accountId: ACCOUNT })).rejects.toThrow(StoreItemValidationError);
    await expect(store.currentFindings({ accountId: ACCOUNT })).rejects.toThrow(/PK=ACCT#111122223333, SK=STATE#bad/);
  });

  it('createTable is a no-op when the table exists', async () => {
    const { tableName } = await freshStores(clients);
    expect(await createTable(clients.get(DynamoDBClient, 'us-east-1'), tableName)).toBe(false);
  });
});
