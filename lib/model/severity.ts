/** How urgent a failing check is; the digest and reports rank by it. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Position in SEVERITIES (critical 0): sorting by it puts the most urgent first. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
