import type { BackupSelection, StorageRegion, Tags } from '../../../snapshot/storage.js';
import { wildcardMatch } from './wildcard.js';

type SelectionDetail = NonNullable<BackupSelection['detail']['data']>;
type TagCondition = SelectionDetail['conditions'][number];

export interface ProtectableResource {
  arn: string;
  tags: Tags;
}

function conditionHolds(condition: TagCondition, tags: Tags): boolean {
  const value = tags[condition.key];
  switch (condition.operator.toLowerCase()) {
    case 'stringequals':
      return value === condition.value;
    case 'stringnotequals':
      return value !== condition.value;
    case 'stringlike':
      return value !== undefined && wildcardMatch(condition.value, value);
    case 'stringnotlike':
      return value === undefined || !wildcardMatch(condition.value, value);
    default:
      return false; // An operator AWS Backup does not define selects nothing.
  }
}

/**
 * AWS Backup's selection semantics (API reference, BackupSelection): a resource is assigned when it
 * matches any `Resources` ARN (wildcards allowed) or any `ListOfTags` condition (OR) - or, when both
 * are empty, every supported resource - and it meets all `Conditions` (AND), and it matches no
 * `NotResources` ARN.
 */
export function selectionAssigns(selection: SelectionDetail, resource: ProtectableResource): boolean {
  const included =
    selection.resources.length === 0 && selection.listOfTags.length === 0
      ? true
      : selection.resources.some((pattern) => wildcardMatch(pattern, resource.arn)) ||
        selection.listOfTags.some((condition) => conditionHolds({ ...condition, operator: 'StringEquals' }, resource.tags));
  return (
    included &&
    selection.conditions.every((condition) => conditionHolds(condition, resource.tags)) &&
    !selection.notResources.some((pattern) => wildcardMatch(pattern, resource.arn))
  );
}

export type PlanCoverage =
  | { kind: 'covered'; plan: string; selection: string }
  | { kind: 'not-covered' }
  | { kind: 'unknown'; why: string };

/** Whether any plan's selection assigns the resource; `unknown` when a selection that might could not be read. */
export function planCoverage(plans: StorageRegion['backupPlans'], resource: ProtectableResource): PlanCoverage {
  if (plans.error) return { kind: 'unknown', why: `${plans.error.operation} failed with ${plans.error.code}` };
  let unknown: string | null = null;
  for (const plan of plans.data) {
    if (plan.selections.error) {
      unknown ??= `${plan.selections.error.operation} failed with ${plan.selections.error.code} for plan ${plan.name}`;
      continue;
    }
    for (const selection of plan.selections.data) {
      if (selection.detail.error) {
        unknown ??= `${selection.detail.error.operation} failed with ${selection.detail.error.code} for selection ${selection.name}`;
        continue;
      }
      if (selectionAssigns(selection.detail.data, resource)) return { kind: 'covered', plan: plan.name, selection: selection.name };
    }
  }
  return unknown ? { kind: 'unknown', why: unknown } : { kind: 'not-covered' };
}

/** Hours between the resource's latest AWS Backup recovery point and `now`; null when it has none. */
export function latestBackupAgeHours(
  protectedResources: NonNullable<StorageRegion['protectedResources']['data']>,
  arn: string,
  now: Date,
): number | null {
  const time = protectedResources.find((r) => r.arn === arn)?.lastBackupTime;
  if (!time) return null;
  return (now.getTime() - new Date(time).getTime()) / 3_600_000;
}
