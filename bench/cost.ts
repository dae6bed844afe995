import { DEFAULT_HISTORY_RETENTION_DAYS, TABLE_BACKUP } from '../lib/store/table-design.js';
import type { StoreMeasurement } from './store-point.js';

/**
 * us-east-1 list prices, on-demand, no free tier, as published on the AWS pricing pages on the date below.
 * Every cost line of the benchmark reads its prices from here and shows them in its formula.
 */
export const PRICES_AS_OF = '2026-11-23';
export const PRICES = {
  /** Lambda, arm64, per GB-second and per million requests. */
  lambdaArmGbSecond: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  /** Step Functions standard workflows, per 1,000 state transitions. */
  stepFunctionsPerThousandTransitions: 0.025,
  /** DynamoDB on-demand since the 1 November 2024 reduction: per million write / read request units. */
  dynamoPerMillionWru: 0.625,
  dynamoPerMillionRru: 0.125,
  /** DynamoDB storage, continuous backups (PITR) and AWS Backup warm storage for DynamoDB, per GB-month. */
  dynamoGbMonth: 0.25,
  dynamoPitrGbMonth: 0.2,
  dynamoBackupGbMonth: 0.1,
  /** S3 Standard storage per GB-month (first 50 TB), PUT/COPY/POST/LIST and GET per 1,000 requests. */
  s3StandardGbMonth: 0.023,
  s3PerThousandPut: 0.005,
  s3PerThousandGet: 0.0004,
  /** S3 Glacier Flexible Retrieval and Glacier Deep Archive storage per GB-month. */
  s3GlacierGbMonth: 0.0036,
  s3DeepArchiveGbMonth: 0.00099,
  /** Lifecycle transition requests into Glacier Flexible Retrieval / Deep Archive, per 1,000 objects. */
  s3PerThousandGlacierTransitions: 0.03,
  s3PerThousandDeepArchiveTransitions: 0.05,
  /** KMS asymmetric requests (Sign, GetPublicKey on the ECC signing key) per 10,000. */
  kmsAsymmetricPerTenThousand: 0.15,
  sesPerThousandEmails: 0.1,
} as const;

/**
 * The evidence bucket's lifecycle (infra/constructs/evidence-storage.ts): Glacier Flexible Retrieval after
 * 90 days, Deep Archive after 365. S3 does not transition objects under 128 KB by default (the default
 * `all_storage_classes_128K` since September 2024), so small objects stay in Standard; an archived object
 * carries 32 KB of index at the archive rate and 8 KB at the Standard rate.
 */
export const LIFECYCLE = { glacierAfterMonths: 3, deepArchiveAfterMonths: 12, minTransitionBytes: 128 * 1024, archiveOverheadBytes: 32 * 1024, standardOverheadBytes: 8 * 1024 } as const;

/** What the deployment does per account and run that the benchmark does not execute; kept in results.json. */
export interface CostAssumptions {
  runsPerMonth: number;
  /** Memory of ScanTarget, SealAccount and RecordAccount (infra/constructs/pipeline-functions.ts). */
  lambdaMemoryMb: number;
  /** Regions scanned (one ScanTarget invocation each), plus SealAccount and RecordAccount. */
  regions: number;
  /** State transitions of one account's child execution: Map + per region (task, result), seal, record, end. */
  stepFunctionTransitionsPerAccountRun: number;
  /** Weekly digest: 52 / 12 per month (its queries are measured; the email itself is per deployment). */
  digestsPerMonth: number;
  retentionYears: number;
  /** AWS Backup copies of the findings table that exist at once (TABLE_BACKUP, the same constant the stack uses). */
  tableBackupsKept: number;
  /** Days a transition stays in the table before TTL removes it (the pipeline config's default, historyRetentionDays). */
  historyRetentionDays: number;
  /**
   * Seconds per sequential DynamoDB or S3 request for RecordAccount's duration. moto serves a Query of a
   * 45,000-item partition page by page in seconds each (its measured time is kept as record.seconds in
   * results.json); DynamoDB answers in single-digit milliseconds plus the network, so RecordAccount is priced
   * at this latency per request (BatchWriteItem runs 4 at a time) rather than at the emulator's speed.
   */
  awsRequestSeconds: number;
}

export const DEFAULT_ASSUMPTIONS: CostAssumptions = {
  runsPerMonth: 30,
  lambdaMemoryMb: 1024,
  regions: 3,
  stepFunctionTransitionsPerAccountRun: 2 + 2 * 3 + 3,
  digestsPerMonth: 52 / 12,
  retentionYears: 6,
  tableBackupsKept: TABLE_BACKUP.copiesKept,
  historyRetentionDays: DEFAULT_HISTORY_RETENTION_DAYS,
  awsRequestSeconds: 0.03,
};

/** One cost item per account-month: in the first month and at steady state (after `retentionYears`). */
export interface CostLine {
  item: string;
  firstMonthUsd: number;
  steadyStateUsd: number;
  formula: string;
  steadyFormula: string;
}

export interface CostEstimate {
  pricesAsOf: string;
  assumptions: CostAssumptions;
  lines: CostLine[];
  totalFirstMonthUsd: number;
  totalSteadyStateUsd: number;
}

const GB = 1024 ** 3;
/** Average days per month, to turn a monthly count of transitions into a daily one. */
const DAYS_PER_MONTH = 365.25 / 12;
const n = (v: number, digits = 0): string => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Per account-month at daily scans, from one measured scan and the measured first and steady runs of the store. */
export function estimateCost(scanSeconds: number, store: StoreMeasurement, a: CostAssumptions = DEFAULT_ASSUMPTIONS): CostEstimate {
  const runs = a.runsPerMonth;
  const rest = runs - 1;
  const first = store.firstRun;
  const steady = store.steadyRun;
  const gb = a.lambdaMemoryMb / 1024;
  const lines: CostLine[] = [];
  const add = (item: string, firstUsd: number, steadyUsd: number, formula: string, steadyFormula: string): void => {
    lines.push({ item, firstMonthUsd: firstUsd, steadyStateUsd: steadyUsd, formula, steadyFormula });
  };

  const recordSeconds = (r: typeof first): number => {
    const calls = r.record.calls;
    const batches = calls.BatchWrite ?? 0;
    const sequential = Object.entries(calls).reduce((s, [op, c]) => (op === 'BatchWrite' ? s : s + c), 0) + r.record.s3Gets;
    return (sequential + batches / 4) * a.awsRequestSeconds;
  };
  const lambdaSeconds = (r: typeof first): number => scanSeconds + r.seal.seconds + recordSeconds(r);
  const gbsFirst = gb * (lambdaSeconds(first) + rest * lambdaSeconds(steady));
  const gbsSteady = gb * runs * lambdaSeconds(steady);
  add('Lambda compute (arm64)', gbsFirst * PRICES.lambdaArmGbSecond, gbsSteady * PRICES.lambdaArmGbSecond,
    `${gb} GB × (scan ${scanSeconds.toFixed(1)} s + seal ${first.seal.seconds.toFixed(1)} s + record ${recordSeconds(first).toFixed(1)} s) + ${rest} × (${scanSeconds.toFixed(1)} + ${steady.seal.seconds.toFixed(1)} + ${recordSeconds(steady).toFixed(1)} s) = ${n(gbsFirst)} GB-s × $${PRICES.lambdaArmGbSecond}; scan and seal measured against moto, record = its requests × ${a.awsRequestSeconds} s (moto took ${first.record.seconds.toFixed(0)} s / ${steady.record.seconds.toFixed(0)} s)`,
    `${gb} GB × ${runs} × ${lambdaSeconds(steady).toFixed(1)} s = ${n(gbsSteady)} GB-s × $${PRICES.lambdaArmGbSecond}`);

  const invocations = (a.regions + 2) * runs;
  const lambdaRequests = (invocations / 1e6) * PRICES.lambdaPerMillionRequests;
  add('Lambda requests', lambdaRequests, lambdaRequests,
    `(${a.regions} ScanTarget + SealAccount + RecordAccount) × ${runs} = ${invocations} × $${PRICES.lambdaPerMillionRequests}/M`, 'same');

  const transitions = a.stepFunctionTransitionsPerAccountRun * runs;
  const sfn = (transitions / 1000) * PRICES.stepFunctionsPerThousandTransitions;
  add('Step Functions (standard)', sfn, sfn,
    `${a.stepFunctionTransitionsPerAccountRun} transitions × ${runs} = ${transitions} × $${PRICES.stepFunctionsPerThousandTransitions}/1k`, 'same');

  const wruFirst = first.record.wru + rest * steady.record.wru;
  const wruSteady = runs * steady.record.wru;
  add('DynamoDB writes', (wruFirst / 1e6) * PRICES.dynamoPerMillionWru, (wruSteady / 1e6) * PRICES.dynamoPerMillionWru,
    `run 1 ${n(first.record.wru)} WRU (${n(first.record.dynamoWrites)} items) + ${rest} × ${n(steady.record.wru)} WRU (${n(steady.record.dynamoWrites)} items) = ${n(wruFirst)} WRU × $${PRICES.dynamoPerMillionWru}/M`,
    `${runs} × ${n(steady.record.wru)} WRU = ${n(wruSteady)} WRU × $${PRICES.dynamoPerMillionWru}/M`);

  const digestRru = a.digestsPerMonth * store.digestRru;
  const rruFirst = first.record.rru + rest * steady.record.rru + digestRru;
  const rruSteady = runs * steady.record.rru + digestRru;
  add('DynamoDB reads', (rruFirst / 1e6) * PRICES.dynamoPerMillionRru, (rruSteady / 1e6) * PRICES.dynamoPerMillionRru,
    `run 1 ${n(first.record.rru, 1)} + ${rest} × ${n(steady.record.rru, 1)} RRU (Query of the account's states, eventually consistent a day after the previous run) + ${a.digestsPerMonth.toFixed(2)} digests × ${n(store.digestRru, 1)} RRU = ${n(rruFirst)} RRU × $${PRICES.dynamoPerMillionRru}/M`,
    `${runs} × ${n(steady.record.rru, 1)} + ${n(digestRru)} RRU = ${n(rruSteady)} RRU × $${PRICES.dynamoPerMillionRru}/M`);

  // Table size: the states are what two runs left; transitions grow by what changes (PERSISTING is not stored)
  // until TTL removes them historyRetentionDays after they happened, so at steady state the table holds the
  // states plus that many days of transitions, however old the deployment.
  const transitionBytesPerDay = (steady.changedFindings * runs * store.table.bytesPerTransition) / DAYS_PER_MONTH;
  const baseBytes = store.table.billedBytes;
  const tableFirst = baseBytes + rest * steady.changedFindings * store.table.bytesPerTransition;
  const months = a.retentionYears * 12;
  const keptDays = Math.min(a.historyRetentionDays, a.retentionYears * 365);
  const tableSteady = baseBytes + keptDays * transitionBytesPerDay;
  const tableUsd = (bytes: number, backups: number): number => (bytes / GB) * (PRICES.dynamoGbMonth + PRICES.dynamoPitrGbMonth + backups * PRICES.dynamoBackupGbMonth);
  add('DynamoDB storage + PITR + backups', tableUsd(tableFirst, 1), tableUsd(tableSteady, a.tableBackupsKept),
    `${n(tableFirst / 1e6, 1)} MB (${n(store.table.stateItems)} states × ${n(store.table.bytesPerState)} B, transitions × ${n(store.table.bytesPerTransition)} B; item + 100 B, per copy: states and transitions are in no index) × ($${PRICES.dynamoGbMonth} + PITR $${PRICES.dynamoPitrGbMonth} + 1 backup × $${PRICES.dynamoBackupGbMonth}) /GB`,
    `${n(baseBytes / 1e6, 1)} MB + ${keptDays} days (TTL) × ${n((steady.changedFindings * runs) / DAYS_PER_MONTH, 1)} transitions × ${n(store.table.bytesPerTransition)} B = ${n(tableSteady / 1e6, 1)} MB × ($${PRICES.dynamoGbMonth} + $${PRICES.dynamoPitrGbMonth} + ${a.tableBackupsKept} monthly backups × $${PRICES.dynamoBackupGbMonth}) /GB`);

  // The store point seals through writeRunEvidence (the single-process path): one raw.json.gz for the whole scan.
  // The deployed pipeline instead has each scan unit (one ScanTarget per region) PUT its own raw.json.gz and
  // its scan record (work bucket), so per run: measured seal PUT/LIST − its raw objects + 2 × units. The storage
  // and lifecycle lines below still size the single raw.json.gz: the pipeline's are `units` objects of about a
  // units-th of it each, so fewer of them may reach the 128 KB below which S3 does not transition an object.
  const units = a.regions;
  const pipelinePuts = (r: typeof first): number => r.seal.s3Puts - r.seal.rawObjects + 2 * units;
  const putsFirst = pipelinePuts(first) + rest * pipelinePuts(steady);
  const putsSteady = runs * pipelinePuts(steady);
  add('S3 PUT/LIST', (putsFirst / 1000) * PRICES.s3PerThousandPut, (putsSteady / 1000) * PRICES.s3PerThousandPut,
    `${pipelinePuts(first)} + ${rest} × ${pipelinePuts(steady)} requests per run: the measured single-process seal's ${steady.seal.s3Puts} (${steady.seal.rawObjects} raw.json.gz, findings.json.gz, findings.csv.gz, key, manifest, signature, chain; the previous-run LIST) − its ${steady.seal.rawObjects} raw object + ${units} scan units × (raw.json.gz + scan record) × $${PRICES.s3PerThousandPut}/1k`,
    `${runs} × ${pipelinePuts(steady)} = ${putsSteady} × $${PRICES.s3PerThousandPut}/1k`);

  const gets = (r: typeof first): number => r.seal.s3Gets + r.record.s3Gets;
  const getsFirst = gets(first) + rest * gets(steady);
  add('S3 GET/HEAD', (getsFirst / 1000) * PRICES.s3PerThousandGet, ((runs * gets(steady)) / 1000) * PRICES.s3PerThousandGet,
    `${gets(first)} + ${rest} × ${gets(steady)} (seal: existence checks, previous manifest; record: chain entry, manifest, findings) × $${PRICES.s3PerThousandGet}/1k`,
    `${runs} × ${gets(steady)} × $${PRICES.s3PerThousandGet}/1k`);

  const small = steady.seal.objectBytes.filter((b) => b < LIFECYCLE.minTransitionBytes);
  const large = steady.seal.objectBytes.filter((b) => b >= LIFECYCLE.minTransitionBytes);
  const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
  const smallGbMonth = (sum(small) * runs) / GB;
  const largeGbMonth = (sum(large) * runs) / GB;
  const largeObjectsMonth = large.length * runs;
  const firstStorageUsd = (((first.seal.storedBytes + rest * steady.seal.storedBytes) / GB) * PRICES.s3StandardGbMonth);
  const glacierMonths = LIFECYCLE.deepArchiveAfterMonths - LIFECYCLE.glacierAfterMonths;
  const deepMonths = months - LIFECYCLE.deepArchiveAfterMonths;
  const overheadGb = (bytes: number): number => (largeObjectsMonth * bytes) / GB;
  const steadyStorageUsd =
    months * smallGbMonth * PRICES.s3StandardGbMonth +
    LIFECYCLE.glacierAfterMonths * largeGbMonth * PRICES.s3StandardGbMonth +
    glacierMonths * ((largeGbMonth + overheadGb(LIFECYCLE.archiveOverheadBytes)) * PRICES.s3GlacierGbMonth + overheadGb(LIFECYCLE.standardOverheadBytes) * PRICES.s3StandardGbMonth) +
    deepMonths * ((largeGbMonth + overheadGb(LIFECYCLE.archiveOverheadBytes)) * PRICES.s3DeepArchiveGbMonth + overheadGb(LIFECYCLE.standardOverheadBytes) * PRICES.s3StandardGbMonth);
  add('S3 storage', firstStorageUsd, steadyStorageUsd,
    `(${n(first.seal.storedBytes)} + ${rest} × ${n(steady.seal.storedBytes)} B stored per run) = ${n(((first.seal.storedBytes + rest * steady.seal.storedBytes) / GB), 4)} GB × $${PRICES.s3StandardGbMonth} (all Standard in month 1)`,
    `${small.length} objects < 128 KB stay Standard: ${months} mo × ${n(smallGbMonth, 4)} GB × $${PRICES.s3StandardGbMonth}; ${large.length} ≥ 128 KB (${n(sum(large))} B/run): ${LIFECYCLE.glacierAfterMonths} mo × ${n(largeGbMonth, 4)} GB Standard + ${glacierMonths} mo Glacier $${PRICES.s3GlacierGbMonth} + ${deepMonths} mo Deep Archive $${PRICES.s3DeepArchiveGbMonth} (+40 KB/object index)`);

  const transitionUsd = (largeObjectsMonth / 1000) * (PRICES.s3PerThousandGlacierTransitions + PRICES.s3PerThousandDeepArchiveTransitions);
  add('S3 lifecycle transitions', 0, transitionUsd,
    'none in month 1 (the first transition is after 90 days)',
    `${large.length} objects ≥ 128 KB × ${runs} runs = ${largeObjectsMonth} × ($${PRICES.s3PerThousandGlacierTransitions} + $${PRICES.s3PerThousandDeepArchiveTransitions})/1k`);

  const kms = (r: typeof first): number => Object.values(r.seal.kmsRequests).reduce((s, x) => s + x, 0);
  const kmsFirst = kms(first) + rest * kms(steady);
  add('KMS (Sign, GetPublicKey)', (kmsFirst / 10_000) * PRICES.kmsAsymmetricPerTenThousand, ((runs * kms(steady)) / 10_000) * PRICES.kmsAsymmetricPerTenThousand,
    `${kms(first)} + ${rest} × ${kms(steady)} asymmetric requests (${Object.entries(steady.seal.kmsRequests).map(([op, c]) => `${op} ${c}`).join(', ')}) × $${PRICES.kmsAsymmetricPerTenThousand}/10k`,
    `${runs} × ${kms(steady)} × $${PRICES.kmsAsymmetricPerTenThousand}/10k`);

  return {
    pricesAsOf: PRICES_AS_OF,
    assumptions: a,
    lines,
    totalFirstMonthUsd: lines.reduce((s, l) => s + l.firstMonthUsd, 0),
    totalSteadyStateUsd: lines.reduce((s, l) => s + l.steadyStateUsd, 0),
  };
}
