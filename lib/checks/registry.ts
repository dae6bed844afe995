import { dataChecks } from './data/index.js';
import { externalChecks } from './external/index.js';
import { iamChecks } from './iam/index.js';
import { loggingChecks } from './logging/index.js';
import { networkChecks } from './network/index.js';
import { storageChecks } from './storage/index.js';
import { edgeChecks } from './edge/index.js';
import { computeChecks } from './compute/index.js';
import type { CheckDefinition } from './types.js';

/** The one catalog of checks. Order here is the order of the generated docs. */
export const CHECKS: readonly CheckDefinition[] = [
  ...iamChecks,
  ...loggingChecks,
  ...storageChecks,
  ...dataChecks,
  ...networkChecks,
  ...edgeChecks,
  ...computeChecks,
  ...externalChecks,
];

export function findCheck(id: string): CheckDefinition | undefined {
  return CHECKS.find((check) => check.id === id);
}

/** Resolves `--checks a,b` style selections; unknown ids are reported, not ignored. */
export function selectChecks(ids: readonly string[] | undefined): { checks: CheckDefinition[]; unknown: string[] } {
  if (!ids || ids.length === 0) return { checks: [...CHECKS], unknown: [] };
  const unknown = ids.filter((id) => !findCheck(id));
  return { checks: CHECKS.filter((check) => ids.includes(check.id)), unknown };
}
