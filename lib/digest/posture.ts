import { isKnownCitation, specification, STANDARD_ORDER } from '../model/hipaa.js';
import type { FindingState } from '../model/finding-state.js';
import type { DigestPosture, PostureCounts, PostureRow } from './input.js';

/** Label for citations that lib/hipaa/specifications.ts does not know (kept visible, never dropped). */
export const UNMAPPED_STANDARD = 'Other (unmapped citation)';

export function emptyCounts(): PostureCounts {
  return { pass: 0, fail: 0, error: 0, suppressed: 0 };
}

function bucket(status: FindingState['status']): keyof PostureCounts | undefined {
  switch (status) {
    case 'PASS':
      return 'pass';
    case 'FAIL':
      return 'fail';
    case 'ERROR':
      return 'error';
    case 'SUPPRESSED':
      return 'suppressed';
    default:
      return undefined; // NOT_APPLICABLE says nothing about posture
  }
}

/**
 * Counts each current finding once per HIPAA standard it cites. A finding citing two specifications
 * of the same standard counts once there, so a standard's numbers are resources, not citations.
 */
export function computePosture(states: readonly FindingState[], asOf: string): DigestPosture {
  const totals = emptyCounts();
  const byStandard: Record<string, PostureCounts> = {};
  for (const state of states) {
    if (state.gone) continue;
    const key = bucket(state.status);
    if (!key) continue;
    totals[key] += 1;
    const standards = new Set(
      state.finding.citations.map((c) => (isKnownCitation(c) ? specification(c).standard : UNMAPPED_STANDARD)),
    );
    for (const standard of standards) {
      const counts = (byStandard[standard] ??= emptyCounts());
      counts[key] += 1;
    }
  }
  return { asOf, totals, byStandard };
}

function rank(standard: string): number {
  const i = STANDARD_ORDER.indexOf(standard);
  return i === -1 ? STANDARD_ORDER.length : i;
}

/** Rows for every standard present now or in the previous digest, in the report's standard order. */
export function postureRows(current: DigestPosture, previous: DigestPosture | undefined): PostureRow[] {
  const standards = new Set([...Object.keys(current.byStandard), ...Object.keys(previous?.byStandard ?? {})]);
  return [...standards]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((standard) => ({
      standard,
      current: current.byStandard[standard] ?? emptyCounts(),
      ...(previous ? { previous: previous.byStandard[standard] ?? emptyCounts() } : {}),
    }));
}
