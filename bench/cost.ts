/** Published us-east-1 list prices (no free tier), as given in the benchmark brief. */
export const PRICES = {
  lambdaArmGbSecond: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  stepFunctionsPerThousandTransitions: 0.025,
  dynamoPerMillionWru: 1.25,
  dynamoPerMillionRru: 0.25,
  s3PerThousandPut: 0.005,
  s3GbMonth: 0.023,
  sesPerThousandEmails: 0.1,
  kmsPerTenThousandRequests: 0.03,
} as const;

/** What the deployment does per run; estimates, not measurements, and kept in results.json. */
export interface CostAssumptions {
  lambdaMemoryMb: number;
  runsPerMonth: number;
  /** Discover targets, scan the account, write/sign evidence. */
  lambdaInvocationsPerRun: number;
  /** Standard workflow: Start, ListTargets, Map, per account (Scan, WriteFindings, WriteEvidence, Sign), Notify, Succeed. */
  stepFunctionTransitionsPerRun: number;
  /** Weekly digest: 52 / 12 per month. */
  digestsPerMonth: number;
  digestRecipients: number;
  /** One manifest signature per run. */
  kmsSignsPerRun: number;
  /** manifest.json, manifest.sig, public-key.pem, findings.json, findings.csv, chain entry. */
  fixedS3ObjectsPerRun: number;
  retentionYears: number;
}

export const DEFAULT_ASSUMPTIONS: CostAssumptions = {
  lambdaMemoryMb: 1024,
  runsPerMonth: 30,
  lambdaInvocationsPerRun: 3,
  stepFunctionTransitionsPerRun: 3 + 4 * 1 + 2,
  digestsPerMonth: 52 / 12,
  digestRecipients: 1,
  kmsSignsPerRun: 1,
  fixedS3ObjectsPerRun: 6,
  retentionYears: 6,
};

/** What one measured run produced. */
export interface RunMeasurements {
  scanSeconds: number;
  findings: number;
  /** Σ over findings of ceil(item bytes / 1 KB): one write each, as the brief assumes. */
  findingsWru: number;
  /** Bytes of all findings as stored items (what a Query for a run reads). */
  findingsBytes: number;
  rawEvidenceObjects: number;
  /** gzip of the recorded raw evidence, as stored per service/region/operation object. */
  rawEvidenceGzipBytes: number;
  /** findings.json + findings.csv, which the evidence store writes uncompressed. */
  findingsFileBytes: number;
}

export interface CostLine {
  item: string;
  usdPerMonth: number;
  formula: string;
}

export interface CostEstimate {
  assumptions: CostAssumptions;
  lines: CostLine[];
  /** Month one: evidence storage is the first month's additions only. */
  totalFirstMonthUsd: number;
  /** After `retentionYears`: storage holds retentionYears × 12 months of evidence, then plateaus. */
  totalSteadyStateUsd: number;
  storage: { firstMonthUsd: number; steadyStateUsd: number; formula: string; steadyFormula: string };
}

const GB = 1024 ** 3;

/** Per account-month at daily scans. Every line carries its formula with the numbers substituted. */
export function estimateCost(m: RunMeasurements, a: CostAssumptions = DEFAULT_ASSUMPTIONS): CostEstimate {
  const runs = a.runsPerMonth;
  const gb = a.lambdaMemoryMb / 1024;
  const gbSeconds = gb * m.scanSeconds * runs;
  const requests = a.lambdaInvocationsPerRun * runs + a.digestsPerMonth;
  const transitions = a.stepFunctionTransitionsPerRun * runs;
  const wru = m.findingsWru * runs;
  // Each run Queries the previous run's findings to diff (strongly consistent: 1 RRU per 4 KB), and
  // each weekly digest reads the week's seven runs.
  const rruPerRunRead = Math.ceil(m.findingsBytes / 4096);
  const rru = rruPerRunRead * (runs + 7 * a.digestsPerMonth);
  const puts = (m.rawEvidenceObjects + a.fixedS3ObjectsPerRun) * runs;
  const emails = a.digestsPerMonth * a.digestRecipients;
  const signs = a.kmsSignsPerRun * runs;
  const lines: CostLine[] = [
    line('Lambda compute (arm64)', gbSeconds * PRICES.lambdaArmGbSecond,
      `${gb} GB × ${m.scanSeconds.toFixed(2)} s × ${runs} runs = ${gbSeconds.toFixed(1)} GB-s × $${PRICES.lambdaArmGbSecond}`),
    line('Lambda requests', (requests / 1e6) * PRICES.lambdaPerMillionRequests,
      `(${a.lambdaInvocationsPerRun} × ${runs} + ${a.digestsPerMonth.toFixed(2)} digests) = ${requests.toFixed(1)} req × $${PRICES.lambdaPerMillionRequests}/M`),
    line('Step Functions (standard)', (transitions / 1000) * PRICES.stepFunctionsPerThousandTransitions,
      `${a.stepFunctionTransitionsPerRun} transitions × ${runs} runs = ${transitions} × $${PRICES.stepFunctionsPerThousandTransitions}/1k`),
    line('DynamoDB writes', (wru / 1e6) * PRICES.dynamoPerMillionWru,
      `${m.findings} findings = ${m.findingsWru} WRU × ${runs} runs = ${wru} WRU × $${PRICES.dynamoPerMillionWru}/M`),
    line('DynamoDB reads', (rru / 1e6) * PRICES.dynamoPerMillionRru,
      `ceil(${m.findingsBytes} B / 4 KB) = ${rruPerRunRead} RRU × (${runs} diffs + 7 × ${a.digestsPerMonth.toFixed(2)} digests) = ${rru.toFixed(0)} RRU × $${PRICES.dynamoPerMillionRru}/M`),
    line('S3 PUT', (puts / 1000) * PRICES.s3PerThousandPut,
      `(${m.rawEvidenceObjects} raw + ${a.fixedS3ObjectsPerRun} fixed) objects × ${runs} runs = ${puts} PUT × $${PRICES.s3PerThousandPut}/1k`),
    line('SES (weekly digest)', (emails / 1000) * PRICES.sesPerThousandEmails,
      `${a.digestsPerMonth.toFixed(2)} digests × ${a.digestRecipients} recipient(s) × $${PRICES.sesPerThousandEmails}/1k`),
    line('KMS Sign', (signs / 10_000) * PRICES.kmsPerTenThousandRequests,
      `${a.kmsSignsPerRun} × ${runs} runs = ${signs} requests × $${PRICES.kmsPerTenThousandRequests}/10k`),
  ];
  const perRunBytes = m.rawEvidenceGzipBytes + m.findingsFileBytes;
  const monthlyGb = (perRunBytes * runs) / GB;
  const months = a.retentionYears * 12;
  const storage = {
    firstMonthUsd: monthlyGb * PRICES.s3GbMonth,
    steadyStateUsd: monthlyGb * months * PRICES.s3GbMonth,
    formula: `(${m.rawEvidenceGzipBytes} B raw.gz + ${m.findingsFileBytes} B findings.json/.csv) × ${runs} runs = ${monthlyGb.toFixed(4)} GB/month × $${PRICES.s3GbMonth}`,
    steadyFormula: `${monthlyGb.toFixed(4)} GB/month × ${months} months retained = ${(monthlyGb * months).toFixed(3)} GB × $${PRICES.s3GbMonth}`,
  };
  const recurring = lines.reduce((s, l) => s + l.usdPerMonth, 0);
  return {
    assumptions: a,
    lines,
    totalFirstMonthUsd: recurring + storage.firstMonthUsd,
    totalSteadyStateUsd: recurring + storage.steadyStateUsd,
    storage,
  };
}

function line(item: string, usdPerMonth: number, formula: string): CostLine {
  return { item, usdPerMonth, formula };
}
