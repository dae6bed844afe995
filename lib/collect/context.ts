import pLimit, { type LimitFunction } from 'p-limit';
import type { AwsClientFactory } from '../aws/clients.js';
import { EvidenceRecorder } from './evidence-recorder.js';
import { failed, ok, type Collected } from '../snapshot/collected.js';
import { toCollectionError } from './collection-error.js';

export interface ProgressReporter {
  (event: { phase: string; detail: string }): void;
}

/** What every collector receives: injected clients, scope, evidence sink, concurrency limit, clock. */
export interface CollectContext {
  clients: AwsClientFactory;
  accountId: string;
  partition: string;
  regions: string[];
  /** Global services (IAM, S3 listing, CloudFront, account contacts) are collected once per account. */
  includeGlobal: boolean;
  /** Region used for global-service endpoints. */
  homeRegion: string;
  evidence: EvidenceRecorder;
  /** Bounds concurrent API calls across regions and resources. */
  limit: LimitFunction;
  now: () => Date;
  progress?: ProgressReporter;
}

export function createCollectContext(
  init: Omit<CollectContext, 'evidence' | 'limit' | 'now' | 'partition' | 'homeRegion' | 'includeGlobal'> &
    Partial<Pick<CollectContext, 'evidence' | 'now' | 'partition' | 'homeRegion' | 'includeGlobal'>> & {
      concurrency?: number;
    },
): CollectContext {
  const now = init.now ?? (() => new Date());
  return {
    clients: init.clients,
    accountId: init.accountId,
    regions: init.regions,
    partition: init.partition ?? 'aws',
    homeRegion: init.homeRegion ?? init.regions[0] ?? 'us-east-1',
    includeGlobal: init.includeGlobal ?? true,
    evidence: init.evidence ?? new EvidenceRecorder(now),
    limit: pLimit(init.concurrency ?? 8),
    now,
    ...(init.progress ? { progress: init.progress } : {}),
  };
}

export interface CallTarget {
  service: string;
  region: string;
  operation: string;
  /** Resource the call is about (bucket name, key id); recorded with the evidence. */
  target?: string;
}

/**
 * Runs one SDK call under the concurrency limit, records its raw response as evidence, and turns any
 * error into data. Collectors never let an AWS error escape or become a default value.
 */
export async function attempt<T>(ctx: CollectContext, call: CallTarget, fn: () => Promise<T>): Promise<Collected<T>> {
  try {
    const response = await ctx.limit(fn);
    ctx.evidence.record(call.service, call.region, call.operation, response, call.target);
    return ok(response);
  } catch (err) {
    return failed(toCollectionError(err, `${call.service}:${call.operation}`));
  }
}

/**
 * Drains an SDK v3 paginator (`paginateX(...)`), recording every page. Pages are fetched one after
 * another (each needs the previous token); the limit applies per page.
 */
export async function attemptPages<P>(
  ctx: CollectContext,
  call: CallTarget,
  pages: () => AsyncIterable<P>,
): Promise<Collected<P[]>> {
  const collected: P[] = [];
  try {
    const iterator = pages()[Symbol.asyncIterator]();
    for (;;) {
      const next = await ctx.limit(() => iterator.next());
      if (next.done) break;
      ctx.evidence.record(call.service, call.region, call.operation, next.value, call.target);
      collected.push(next.value);
    }
    return ok(collected);
  } catch (err) {
    return failed(toCollectionError(err, `${call.service}:${call.operation}`));
  }
}

/** Treats specific "does not exist" error codes as a successful empty answer (e.g. NoSuchBucketPolicy). */
export async function attemptOrAbsent<T>(
  ctx: CollectContext,
  call: CallTarget,
  absentCodes: readonly string[],
  fn: () => Promise<T>,
): Promise<Collected<T | null>> {
  const result = await attempt<T | null>(ctx, call, fn);
  if (result.error && absentCodes.includes(result.error.code)) {
    ctx.evidence.record(call.service, call.region, call.operation, { absent: result.error.code }, call.target);
    return ok(null);
  }
  return result;
}

/** Maps over items with the context's concurrency limit applied by the inner `attempt` calls. */
export async function mapConcurrent<I, O>(items: readonly I[], fn: (item: I) => Promise<O>): Promise<O[]> {
  return Promise.all(items.map(fn));
}

/** The `CallTarget` of one API call: what the evidence records and an error names. */
export function target(service: string, region: string, operation: string, resource?: string): CallTarget {
  return resource === undefined ? { service, region, operation } : { service, region, operation, target: resource };
}
