import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { runItem } from '../../lib/store/table-design.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';
import { ACCOUNT, OTHER_ACCOUNT, finding, run } from '../findings/fixtures.js';
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

describe('DynamoFindingsStore.runOpenCounts', () => {
  it('keeps each run\'s open FAILs by severity and ERRORs per account, and reads back only the window', async () => {
    // Prepare
    const { findings: store } = await freshStores(clients);
    const first = [finding({ id: 'a', severity: 'critical' }), finding({ id: 'b', severity: 'high' }), finding({ id: 'c', status: 'ERROR' })];
    const second = [
      finding({ id: 'a', severity: 'critical', status: 'PASS' }),
      finding({ id: 'b', severity: 'high' }),
      finding({ id: 'd', severity: 'low', accountId: OTHER_ACCOUNT }),
      finding({ id: 'e', severity: 'medium', status: 'SUPPRESSED', accountId: OTHER_ACCOUNT }),
    ];
    await store.recordRun(run({ id: 'r0', finishedAt: '2025-01-01T06:00:00.000Z' }, []), []);
    await store.recordRun(run({ id: 'r1', finishedAt: '2025-03-01T06:00:00.000Z' }, first), first);
    await store.recordRun(run({ id: 'r2', finishedAt: '2025-03-08T06:00:00.000Z', accountIds: [ACCOUNT, OTHER_ACCOUNT] }, second), second);

    // Act
    const counts = await store.runOpenCounts({ from: '2025-02-01', to: '2025-03-31' });

    // Assess: oldest first, r0 outside the window, suppressed not counted as open.
    expect(counts.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(counts[0]?.openCountsByAccount).toEqual({ [ACCOUNT]: { critical: 1, high: 1, medium: 0, low: 0, notAssessed: 1 } });
    expect(counts[1]?.openCountsByAccount).toEqual({
      [ACCOUNT]: { critical: 0, high: 1, medium: 0, low: 0, notAssessed: 0 },
      [OTHER_ACCOUNT]: { critical: 0, high: 0, medium: 0, low: 1, notAssessed: 0 },
    });
    // The projection reads only the counts, not a run's collection errors or coverage.
    expect(Object.keys(counts[1] ?? {}).sort()).toEqual(['accountIds', 'counts', 'finishedAt', 'id', 'openCountsByAccount', 'startedAt']);
  });

  it('reads a run item recorded before severity counts were kept (status counts only)', async () => {
    const { findings: store, tableName } = await freshStores(clients);
    const old = run({ id: 'old', finishedAt: '2025-03-01T06:00:00.000Z' }, [finding()]);
    await clients.get(DynamoDBClient, 'us-east-1').send(new PutItemCommand({ TableName: tableName, Item: marshall(runItem(old), { removeUndefinedValues: true }) }));

    const [read] = await store.runOpenCounts({ from: '2025-03-01', to: '2025-03-02' });

    expect(read).toMatchObject({ id: 'old', counts: { FAIL: 1 } });
    expect(read?.openCountsByAccount).toBeUndefined();
  });
});
