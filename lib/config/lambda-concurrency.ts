/**
 * Lambda concurrency the pipeline stack reserves, in one place: the construct sets it, the configuration
 * refuses a `mapConcurrency` whose reservation AWS would reject, and the benchmark checks its margin.
 */

/** Regions of one account scanned at once (the per-account Map); with the account Map's concurrency this bounds the scan Lambdas. */
export const REGION_CONCURRENCY = 4;

/**
 * Lambda refuses a reservation that leaves fewer than 100 of the account's Regional concurrent executions
 * unreserved ("You can reserve up to the Unreserved account concurrency value ... minus 100",
 * docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).
 */
export const MIN_UNRESERVED_CONCURRENCY = 100;

/** Lambda's default Regional concurrency quota (`aws lambda get-account-settings`: AccountLimit.ConcurrentExecutions). */
export const DEFAULT_LAMBDA_CONCURRENCY_QUOTA = 1_000;

/** The deploy-time custom resource that reads the signing key's fingerprint. */
export const SIGNING_KEY_FINGERPRINT_CONCURRENCY = 1;

export interface ReservedConcurrency {
  resolveTargets: number;
  scanTarget: number;
  sealAccount: number;
  recordAccount: number;
  finalizeRun: number;
  sendDigest: number;
  signingKeyFingerprint: number;
}

/** Per-function reserved concurrency for a given account concurrency of the Distributed Map. */
export function reservedConcurrency(mapConcurrency: number): ReservedConcurrency {
  return {
    resolveTargets: 2,
    // Accounts in parallel x regions in parallel per account: bounds the API load on member accounts and on KMS/DynamoDB.
    scanTarget: mapConcurrency * REGION_CONCURRENCY,
    sealAccount: mapConcurrency,
    recordAccount: mapConcurrency,
    finalizeRun: 2,
    sendDigest: 1,
    signingKeyFingerprint: SIGNING_KEY_FINGERPRINT_CONCURRENCY,
  };
}

/** Everything the stack reserves: (REGION_CONCURRENCY + 2) x mapConcurrency + 6. */
export function totalReservedConcurrency(mapConcurrency: number): number {
  return Object.values(reservedConcurrency(mapConcurrency)).reduce((a, b) => a + b, 0);
}

/** The most one stack may reserve in an account with this Regional concurrency quota (nothing else reserved). */
export function reservableConcurrency(quota: number): number {
  return quota - MIN_UNRESERVED_CONCURRENCY;
}

/** The reservation problem of this combination, as one line, or undefined when Lambda accepts it. */
export function reservationProblem(mapConcurrency: number, quota: number): string | undefined {
  const total = totalReservedConcurrency(mapConcurrency);
  const reservable = reservableConcurrency(quota);
  if (total <= reservable) return undefined;
  return (
    `mapConcurrency ${mapConcurrency} reserves ${total} Lambda concurrent executions (${REGION_CONCURRENCY + 2} x ${mapConcurrency} + ${total - (REGION_CONCURRENCY + 2) * mapConcurrency}), ` +
    `but a Regional quota of ${quota} leaves at most ${Math.max(reservable, 0)} reservable (Lambda keeps ${MIN_UNRESERVED_CONCURRENCY} unreserved); ` +
    `lower mapConcurrency, or raise the quota and set lambdaConcurrencyQuota to it`
  );
}
