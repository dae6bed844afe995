import type { Collected } from '../../snapshot/collected.js';
import type { CheckResult } from '../types.js';
import type { CheckStatus } from '../../model/status.js';
import type { ResourceRef } from '../../model/resource.js';
import type { AccountSnapshot } from '../../snapshot/schema.js';

/** Small builders so every check phrases results the same way. */
export function result(status: CheckStatus, resource: ResourceRef, reason: string): CheckResult {
  return { status, resource, reason };
}
export const pass = (resource: ResourceRef, reason: string): CheckResult => result('PASS', resource, reason);
export const fail = (resource: ResourceRef, reason: string): CheckResult => result('FAIL', resource, reason);
export const notApplicable = (resource: ResourceRef, reason: string): CheckResult =>
  result('NOT_APPLICABLE', resource, reason);
export const errorResult = (resource: ResourceRef, reason: string): CheckResult => result('ERROR', resource, reason);

/**
 * Evaluates `collected` with `evaluate`, or reports ERROR on `scope` (the account or region whose
 * data is missing) when collection failed. This is how a collection error reaches the report.
 */
export function withCollected<T>(
  collected: Collected<T> | undefined,
  scope: ResourceRef,
  evaluate: (data: T) => CheckResult[],
): CheckResult[] {
  if (collected === undefined) return [];
  if (collected.error) {
    return [
      errorResult(
        scope,
        `Could not assess ${scope.id}: ${collected.error.operation} failed with ${collected.error.code}: ${asReasonTail(collected.error.message)}`,
      ),
    ];
  }
  return evaluate(collected.data);
}

/** A resource of the scanned account; `arn` and `id` as the collector recorded them. */
export function resourceRef(
  snapshot: Pick<AccountSnapshot, 'accountId'>,
  arn: string,
  id: string,
  type: string,
  region: string,
): ResourceRef {
  return { arn, id, type, region, accountId: snapshot.accountId };
}

/** An AWS error message as the end of a reason: one line, without its own closing full stop. */
function asReasonTail(message: string): string {
  return message.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
}

export function accountResource(accountId: string, partition = 'aws', region = 'global'): ResourceRef {
  return { arn: `arn:${partition}:::${accountId}`, id: accountId, type: 'AWS::::Account', region, accountId };
}

export function regionResource(accountId: string, region: string, partition = 'aws'): ResourceRef {
  return {
    arn: `arn:${partition}::${region}:${accountId}`,
    id: `${accountId}/${region}`,
    type: 'AWS::::Account',
    region,
    accountId,
  };
}

const DAY_MS = 86_400_000;
export function daysBetween(from: Date | string, to: Date): number {
  const start = typeof from === 'string' ? new Date(from) : from;
  return Math.floor((to.getTime() - start.getTime()) / DAY_MS);
}
