import type { FindingState } from '../model/finding-state.js';
import type { Severity } from '../model/severity.js';

/** At most this many: a to-do list the officer can hand over on Monday, not the whole backlog. */
export const FIX_FIRST_MAX = 10;
/** Medium and low findings fill the list up to this many when there are few critical/high ones. */
export const FIX_FIRST_MIN = 5;

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

export interface RankedFailure {
  state: FindingState;
  /** NEW or REGRESSED in this period, when it is. */
  change?: 'NEW' | 'REGRESSED';
}

/**
 * What matters most among the open failures: severity first, then what is new or came back this
 * period (it is fresh, often one change to undo), then age (the longer open, the longer exposed).
 * All critical and high failures up to FIX_FIRST_MAX; medium/low only to reach FIX_FIRST_MIN.
 */
export function rankFixFirst(open: readonly RankedFailure[]): RankedFailure[] {
  const since = (r: RankedFailure) => r.state.failingSince ?? r.state.firstSeenAt;
  const ranked = [...open].sort(
    (a, b) =>
      SEVERITY_ORDER[a.state.finding.severity] - SEVERITY_ORDER[b.state.finding.severity] ||
      Number(b.change !== undefined) - Number(a.change !== undefined) ||
      since(a).localeCompare(since(b)) ||
      a.state.key.localeCompare(b.state.key),
  );
  const urgent = ranked.filter((r) => SEVERITY_ORDER[r.state.finding.severity] <= SEVERITY_ORDER.high).length;
  return ranked.slice(0, Math.min(FIX_FIRST_MAX, Math.max(FIX_FIRST_MIN, urgent)));
}
