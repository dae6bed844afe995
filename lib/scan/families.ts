import type { CheckDefinition } from '../checks/types.js';
import { SNAPSHOT_FAMILIES, type AccountSnapshot, type SnapshotFamily } from '../snapshot/schema.js';

const ALL_FAMILIES = Object.keys(SNAPSHOT_FAMILIES) as SnapshotFamily[];

/**
 * The snapshot families a scan collects for `checks`: the union of what they declare they read, in
 * registry order. The inventory (coverage context, read by no check) is collected only for a scan of the
 * whole catalog: a selection's coverage would list nearly everything as unassessed, and the inventory is
 * one of the slowest families with `--regions all`.
 */
export function familiesToCollect(checks: readonly CheckDefinition[], wholeCatalog: boolean): SnapshotFamily[] {
  if (wholeCatalog) return [...ALL_FAMILIES];
  const read = new Set(checks.flatMap((check) => check.reads));
  return ALL_FAMILIES.filter((family) => read.has(family));
}

/** Thrown by any use of a family the run did not collect; evaluateSnapshot turns it into the check's ERROR. */
export class FamilyNotCollectedError extends Error {
  constructor(readonly family: SnapshotFamily) {
    super(
      `snapshot family "${family}" was not collected in this run, and the check reads it without declaring it ` +
        `(add '${family}' to the check's reads)`,
    );
    this.name = 'FamilyNotCollectedError';
  }
}

/**
 * Stands in for a family that was not collected. It is not an empty family (that would let a check
 * report PASS or NOT_APPLICABLE about data nobody looked at): every read throws, so a check that reads
 * it reports ERROR.
 */
export function notCollected<F extends SnapshotFamily>(family: F): AccountSnapshot[F] {
  const refuse = (): never => {
    throw new FamilyNotCollectedError(family);
  };
  return new Proxy({}, { get: refuse, has: refuse, ownKeys: refuse, getOwnPropertyDescriptor: refuse }) as AccountSnapshot[F];
}

/** The families of `all` not in `collected`, each as a `notCollected` stand-in. */
export function notCollectedFamilies(collected: readonly SnapshotFamily[]): Partial<Pick<AccountSnapshot, SnapshotFamily>> {
  const missing = ALL_FAMILIES.filter((family) => !collected.includes(family));
  return Object.fromEntries(missing.map((family) => [family, notCollected(family)]));
}
