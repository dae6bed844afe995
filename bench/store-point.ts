import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { AwsClientFactory } from '../lib/aws/clients.js';
import type { RawEvidence } from '../lib/collect/evidence-recorder.js';
import { buildDigestInput } from '../lib/digest/build-input.js';
import { createEvidenceBucket, createSigningKey, S3EvidenceStore } from '../lib/evidence/index.js';
import { findingKey, type Finding } from '../lib/model/finding.js';
import type { FindingStatus } from '../lib/model/status.js';
import { countByStatus, type ScanRun } from '../lib/model/run.js';
import { createDynamoStores, createTable } from '../lib/store/dynamodb/index.js';
import { openCountsByAccount } from '../lib/store/run-counts.js';
import { TEST_CREDENTIALS } from '../test/support/moto.js';
import type { ProgressLog } from './progress.js';
import { indexCopies, itemSize, RequestMeter, type MeteredUsage } from './request-meter.js';

/** One stored run, as metered: the seal (S3, KMS) and the record (DynamoDB), with their wall times. */
export interface StoredRun {
  findings: number;
  changedFindings: number;
  seal: {
    seconds: number; s3Puts: number; s3Gets: number; storedBytes: number; objectBytes: number[]; kmsRequests: Record<string, number>;
    /** Raw evidence objects among the PUTs (the manifest's raw-evidence entries): one per single-process seal. */
    rawObjects: number;
  };
  record: {
    seconds: number;
    /** Items written (BatchWriteItem items + PutItem), the run item of FinalizeRun included. */
    dynamoWrites: number;
    wru: number;
    rru: number;
    itemsRead: number;
    s3Gets: number;
    calls: Record<string, number>;
  };
}

export interface StoreMeasurement {
  /** Fraction of findings whose status changes between the two runs. */
  changeRate: number;
  firstRun: StoredRun;
  steadyRun: StoredRun;
  /** Read units of one weekly digest's queries (buildDigestInput) after the two runs. */
  digestRru: number;
  /** What the table holds after the two runs: bytes as DynamoDB bills storage (item + 100 B, again per index copy). */
  table: {
    items: number; billedBytes: number; stateItems: number; transitionItems: number; bytesPerTransition: number;
    /** Billed bytes per STATE item (index copy included) and raw item bytes (no overhead, no copies) of both kinds. */
    bytesPerState: number; itemBytesPerState: number; itemBytesPerTransition: number;
  };
}

const DAY_MS = 86_400_000;

/**
 * The store's cost, measured: seals and records the scan's findings as run 1 (every state new), then a
 * second run a day later in which `changeRate` of the findings changed status, against moto, counting the
 * real requests (bench/request-meter.ts). Nothing here is computed from item counts alone.
 */
export async function measureStore(
  endpoint: string,
  scan: { run: ScanRun; findings: readonly Finding[]; evidence: readonly RawEvidence[] },
  options: { changeRate: number; log: ProgressLog },
): Promise<StoreMeasurement> {
  const meter = new RequestMeter();
  const clients = new AwsClientFactory({ endpoint, credentials: TEST_CREDENTIALS, onClientCreated: meter.attach });
  const region = 'us-east-1';
  const tableName = 'bench-findings';
  const bucket = 'bench-evidence';
  try {
    await createTable(clients.get(DynamoDBClient, region), tableName);
    await createEvidenceBucket(clients, region, bucket, 6);
    const signingKeyId = await createSigningKey(clients, region);
    const stores = createDynamoStores({ clients, region, tableName });
    const evidence = new S3EvidenceStore({ clients, region, bucket, signingKeyId });
    const accountId = scan.run.accountIds[0] ?? 'unknown';
    meter.take();

    const storeRun = async (run: ScanRun, findings: readonly Finding[], changedFindings: number): Promise<StoredRun> => {
      let started = performance.now();
      const written = await evidence.writeRunEvidence({ run, findings, evidence: scan.evidence, accountId });
      const sealSeconds = (performance.now() - started) / 1000;
      const sealed = meter.take();
      started = performance.now();
      const verified = await evidence.readVerifiedFindings(accountId, run.id, run.startedAt);
      await stores.findings.recordAccountRun(verified.run, verified.findings);
      await stores.findings.commitRun(verified.run, openCountsByAccount([accountId], verified.findings));
      const recordSeconds = (performance.now() - started) / 1000;
      const recorded = meter.take();
      return {
        findings: findings.length,
        changedFindings,
        seal: {
          seconds: sealSeconds, s3Puts: sealed.s3.puts, s3Gets: sealed.s3.gets,
          storedBytes: sealed.s3.objectBytes.reduce((a, b) => a + b, 0), objectBytes: sealed.s3.objectBytes, kmsRequests: sealed.kms,
          rawObjects: written.manifest.entries.filter((e) => e.kind === 'raw-evidence').length,
        },
        record: recordUsage(recordSeconds, recorded),
      };
    };

    options.log(`[store] run 1: sealing and recording ${scan.findings.length} findings (every state new)`);
    const run1 = { ...scan.run, id: 'run-bench-1' };
    const firstRun = await storeRun(run1, scan.findings, scan.findings.length);
    options.log(`[store] run 1: ${firstRun.record.dynamoWrites} DynamoDB writes, ${firstRun.record.wru} WRU, ${firstRun.record.rru} RRU in ${firstRun.record.seconds.toFixed(1)} s`);

    const { findings: changed, count } = changeStatuses(scan.findings, options.changeRate);
    const run2 = shifted(scan.run, 'run-bench-2', DAY_MS, changed);
    options.log(`[store] run 2: ${count} of ${changed.length} findings changed status`);
    const steadyRun = await storeRun(run2, changed, count);
    options.log(`[store] run 2: ${steadyRun.record.dynamoWrites} DynamoDB writes, ${steadyRun.record.wru} WRU, ${steadyRun.record.rru} RRU in ${steadyRun.record.seconds.toFixed(1)} s`);

    await buildDigestInput({
      findings: stores.findings, suppressions: stores.suppressions, organizationName: 'bench', officerEmails: [],
      period: { from: new Date(Date.parse(run2.finishedAt) - 7 * DAY_MS).toISOString(), to: run2.finishedAt }, now: new Date(Date.parse(run2.finishedAt) + 60_000),
    });
    const digestRru = meter.take().dynamo.rru;
    return { changeRate: options.changeRate, firstRun, steadyRun, digestRru, table: await tableStorage(clients, region, tableName) };
  } finally {
    clients.destroy();
  }
}

function recordUsage(seconds: number, usage: MeteredUsage): StoredRun['record'] {
  const d = usage.dynamo;
  return { seconds, dynamoWrites: d.itemsWritten, wru: d.wru, rru: d.rru, itemsRead: d.itemsRead, s3Gets: usage.s3.gets, calls: d.calls };
}

/** The same run one day later with `findings`. */
function shifted(run: ScanRun, id: string, ms: number, findings: readonly Finding[]): ScanRun {
  const move = (iso: string): string => new Date(Date.parse(iso) + ms).toISOString();
  return { ...run, id, startedAt: move(run.startedAt), finishedAt: move(run.finishedAt), counts: countByStatus(findings) };
}

const FLIP: Record<FindingStatus, FindingStatus> = { FAIL: 'PASS', PASS: 'FAIL', ERROR: 'PASS', NOT_APPLICABLE: 'FAIL', SUPPRESSED: 'FAIL' };

/** Every 1/rate-th finding in key order changes status (FAIL -> PASS, PASS -> FAIL, ...) and reason. */
function changeStatuses(findings: readonly Finding[], rate: number): { findings: Finding[]; count: number } {
  const step = Math.max(1, Math.round(1 / rate));
  const order = [...findings].sort((a, b) => (findingKey(a) < findingKey(b) ? -1 : 1));
  const pick = new Set(order.filter((_, i) => i % step === 0));
  const out = findings.map((f) => {
    if (!pick.has(f)) return f;
    const { suppression: _dropped, ...rest } = f;
    return { ...rest, status: FLIP[f.status], reason: `${f.reason} (changed for the benchmark)` };
  });
  return { findings: out, count: pick.size };
}

async function tableStorage(clients: AwsClientFactory, region: string, tableName: string): Promise<StoreMeasurement['table']> {
  const doc = DynamoDBDocumentClient.from(clients.get(DynamoDBClient, region));
  let items = 0;
  let billedBytes = 0;
  let stateItems = 0;
  let transitionItems = 0;
  let transitionBytes = 0;
  let stateBytes = 0;
  let stateRaw = 0;
  let transitionRaw = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: tableName, ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of page.Items ?? []) {
      const copies = 1 + indexCopies(item);
      const billed = (itemSize(item) + 100) * copies;
      items += 1;
      billedBytes += billed;
      if (item.entity === 'STATE') {
        stateItems += 1;
        stateBytes += billed;
        stateRaw += itemSize(item);
      }
      if (item.entity === 'TRANSITION') {
        transitionItems += 1;
        transitionBytes += billed;
        transitionRaw += itemSize(item);
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  const per = (bytes: number, count: number): number => (count > 0 ? bytes / count : 0);
  return {
    items, billedBytes, stateItems, transitionItems, bytesPerTransition: per(transitionBytes, transitionItems),
    bytesPerState: per(stateBytes, stateItems), itemBytesPerState: per(stateRaw, stateItems), itemBytesPerTransition: per(transitionRaw, transitionItems),
  };
}
