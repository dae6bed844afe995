// Shared assertions for the data family's tests (not a test file itself).
import { expect } from 'vitest';
import { dataChecks } from '../../lib/checks/data/index.js';
import type { Thresholds } from '../../lib/checks/thresholds.js';
import type { CheckDefinition, CheckResult } from '../../lib/checks/types.js';
import type { AccountSnapshot } from '../../lib/snapshot/schema.js';
import { MOTO_ACCOUNT_ID } from '../support/moto.js';
import { evaluateCheck, resultFor } from '../support/snapshot.js';

export function dataCheck(id: string): CheckDefinition {
  const found = dataChecks.find((c) => c.id === id);
  if (!found) throw new Error(`no data check ${id}`);
  return found;
}

export interface Expected {
  status: CheckResult['status'];
  type: string;
  region?: string;
  now?: Date;
  thresholds?: Partial<Thresholds>;
}

/** The one result of check `id` about `resourceId`: asserts status, type, region, account, and that the reason names it. */
export function expectData(snapshot: AccountSnapshot, id: string, resourceId: string, expected: Expected): CheckResult {
  const options = { ...(expected.now ? { now: expected.now } : {}), ...(expected.thresholds ? { thresholds: expected.thresholds } : {}) };
  const result = resultFor(evaluateCheck(dataCheck(id), snapshot, options), resourceId);
  expect({ status: result.status, reason: result.reason }).toMatchObject({ status: expected.status }); // reason shown on failure
  expect(result.resource).toMatchObject({ type: expected.type, region: expected.region ?? 'us-east-1', accountId: MOTO_ACCOUNT_ID });
  expect(result.reason).toContain(result.resource.id);
  expect(result.reason).not.toMatch(/\.$/);
  return result;
}

/** Every check of the family reports exactly one NOT_APPLICABLE for a region with nothing in it. */
export function expectRegionNotApplicable(snapshot: AccountSnapshot, id: string, region: string): void {
  const inRegion = evaluateCheck(dataCheck(id), snapshot).filter((r) => r.resource.region === region);
  expect(inRegion).toEqual([
    expect.objectContaining({ status: 'NOT_APPLICABLE', resource: expect.objectContaining({ id: `${MOTO_ACCOUNT_ID}/${region}` }) }),
  ]);
}
