import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { countByStatus, type ScanRun } from '../lib/model/run.js';
import { S3WorkStore, type AccountTarget } from '../lib/evidence/work-store.js';
import { createDynamoStores } from '../lib/store/dynamodb/index.js';
import { provisionPipelineResources } from '../scripts/demo/provision.js';
import { motoClients, startMoto, TEST_CREDENTIALS } from '../scripts/demo/moto-server.js';
import type { ProgressLog } from './progress.js';

// FinalizeRun's memory at the target size, measured directly: the shipped bundle run by plain `node` (no
// tsx) over N real account-run items (written by the store's recordAccountRun into moto), each shaped like
// an account scanned in 17 regions. A baseline child loads the same bundle without calling it, so what
// grows with accounts is told apart from Node's and the bundle's own footprint.

const BUNDLE = fileURLToPath(new URL('../dist/lambda/finalize-run/index.mjs', import.meta.url));
const REGION = 'us-east-1';
/** 17 commercial regions, as a scan of every default-enabled region would cover. */
export const SEVENTEEN_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-north-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1', 'sa-east-1',
] as const;

/**
 * What each account-run item carries per region. The organization points do not store their accounts'
 * errors or coverage, so these are chosen, not read from a point: 20 collection errors with a 200-character
 * message and one coverage entry listing 30 resource types per region, about 146 KB per 17-region item.
 * DynamoDB caps an item at 400 KB, so no real item is more than ~2.7x this one.
 */
export const ITEM_SHAPE = { errorsPerRegion: 20, errorMessageChars: 200, resourceTypesPerCoverage: 30 } as const;

export interface FinalizeScalePoint {
  accounts: number;
  peakRssMb: number;
  /** peakRssMb minus the baseline child's. */
  growthMb: number;
  seconds: number;
  status: string;
}

export interface FinalizeScaleMeasurement {
  regions: number;
  errorsPerAccount: number;
  coverageEntriesPerAccount: number;
  /** Size of one account-run item as JSON (DynamoDB stores it at about this size). */
  accountRunItemBytes: number;
  /** The bundle loaded, its handler not called. */
  baselineRssMb: number;
  points: FinalizeScalePoint[];
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

function accountRun(accountId: string, runId: string, startedAt: string): ScanRun {
  const message = 'x'.repeat(ITEM_SHAPE.errorMessageChars);
  const types = Array.from({ length: ITEM_SHAPE.resourceTypesPerCoverage }, (_, i) => ({ resourceType: `AWS::Service${i}::ResourceType${i}`, count: 10 + i }));
  return {
    id: runId, startedAt, finishedAt: startedAt, accountIds: [accountId], regions: [...SEVENTEEN_REGIONS], status: 'PARTIAL',
    counts: { ...countByStatus([]), PASS: 300, FAIL: 40, ERROR: 20 },
    collectionErrors: SEVENTEEN_REGIONS.flatMap((region) => Array.from({ length: ITEM_SHAPE.errorsPerRegion }, (_, i) => ({
      accountId, region, code: 'NotImplemented', operation: `service${i}:DescribeSomething${i}`, message,
    }))),
    coverage: SEVENTEEN_REGIONS.map((region) => ({
      accountId, region, source: 'config' as const, assessed: types.slice(0, 20), unassessed: types.slice(20),
    })),
  };
}

/** Runs `node -e` on the bundle; `call` decides whether the handler runs. Returns the child's peak RSS (MB). */
async function childPeakRssMb(env: Record<string, string>, event: unknown, call: boolean): Promise<{ mb: number; output: string }> {
  const script = `
    import { readFileSync } from 'node:fs';
    const { handler } = await import(${JSON.stringify(pathToFileURL(BUNDLE).href)});
    let output = 'not called';
    if (${call}) output = JSON.stringify(await handler(${JSON.stringify(event)}, { functionName: 'FinalizeRun', awsRequestId: 'bench', getRemainingTimeInMillis: () => 900000 }));
    const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    const kb = hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
    process.stderr.write(JSON.stringify({ maxRssKb: kb, output }) + '\\n');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = stderr.split('\n').reverse().find((l) => l.startsWith('{"maxRssKb"'));
  if (code !== 0 || !line) throw new Error(`FinalizeRun child failed (${code}): ${stderr.slice(-800)}`);
  const parsed = JSON.parse(line) as { maxRssKb: number; output: string };
  return { mb: parsed.maxRssKb / 1024, output: parsed.output };
}

async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

export async function measureFinalizeScale(sizes: readonly number[], log: ProgressLog): Promise<FinalizeScaleMeasurement> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first (the bench measures the shipped bundle)`);
  const moto = await startMoto();
  try {
    const clients = motoClients(moto);
    const resources = await provisionPipelineResources(clients, REGION, { senderEmail: 'audit@example.com' });
    const { findings } = createDynamoStores({ clients, region: REGION, tableName: resources.tableName });
    const work = new S3WorkStore({ clients, region: REGION, bucket: resources.workBucket });
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '', AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_REGION: REGION, AWS_ENDPOINT_URL: moto.url,
      TABLE_NAME: resources.tableName, EVIDENCE_BUCKET: resources.evidenceBucket, WORK_BUCKET: resources.workBucket,
      SIGNING_KEY_ID: resources.signingKeyId, USE_ORGANIZATION: 'true', REGIONS: SEVENTEEN_REGIONS.join(','),
      OFFICER_EMAILS: 'officer@example.com', SENDER_EMAIL: resources.senderEmail, ORGANIZATION_NAME: 'Bench',
    };
    const sample = accountRun('000000000000', 'run', '2026-01-01T00:00:00.000Z');
    const baseline = await childPeakRssMb(env, {}, false);
    log(`finalize: baseline (bundle loaded, not called) ${round(baseline.mb)} MB`);
    const points: FinalizeScalePoint[] = [];
    for (const accounts of sizes) {
      const startedAt = new Date(Date.UTC(2026, 0, 1, 0, accounts)).toISOString();
      const runId = `run-bench-finalize-${accounts}`;
      const accountIds = Array.from({ length: accounts }, (_, i) => String(100_000_000_000 + accounts * 10_000 + i));
      const targets: AccountTarget[] = accountIds.map((accountId) => ({ accountId, units: [{ accountId, regions: [...SEVENTEEN_REGIONS], includeGlobal: true }] }));
      log(`finalize: ${accounts} accounts: recording ${accounts} account-run items`);
      await work.writeTargetList(runId, targets);
      await inBatches(accountIds, 16, (id) => findings.recordAccountRun(accountRun(id, runId, startedAt), []));
      const started = Date.now();
      const result = await childPeakRssMb(env, { runId, startedAt, executionId: `bench-${accounts}` }, true);
      const seconds = (Date.now() - started) / 1000;
      const status = (JSON.parse(result.output) as { status: string }).status;
      points.push({ accounts, peakRssMb: round(result.mb), growthMb: round(result.mb - baseline.mb), seconds: round(seconds, 2), status });
      log(`finalize: ${accounts} accounts: peak ${round(result.mb)} MB (${round(result.mb - baseline.mb)} MB over the baseline), ${round(seconds, 2)} s, run ${status}`);
    }
    clients.destroy();
    return {
      regions: SEVENTEEN_REGIONS.length, errorsPerAccount: sample.collectionErrors.length, coverageEntriesPerAccount: sample.coverage?.length ?? 0,
      accountRunItemBytes: Buffer.byteLength(JSON.stringify(sample)), baselineRssMb: round(baseline.mb), points,
    };
  } finally {
    await moto.stop();
  }
}

export function renderFinalizeScale(m: FinalizeScaleMeasurement): string {
  const lines = ['', `FinalizeRun memory (shipped bundle, plain node, moto; account-run items of ${m.regions} regions: ` +
    `${m.errorsPerAccount} collection errors and ${m.coverageEntriesPerAccount} coverage entries, ${m.accountRunItemBytes} B each)`,
  `  baseline (bundle loaded, handler not called): ${m.baselineRssMb} MB`];
  for (const p of m.points) lines.push(`  ${p.accounts} accounts: peak ${p.peakRssMb} MB (+${p.growthMb} MB over the baseline), ${p.seconds} s, run ${p.status}`);
  return lines.join('\n');
}
