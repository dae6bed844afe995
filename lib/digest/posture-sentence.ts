import type { DigestInput } from './input.js';

/** The first thing the officer reads: the posture, not the run. Red, amber or green, one sentence. */
export interface PostureSentence {
  tone: 'bad' | 'warn' | 'ok';
  sentence: string;
}

function list(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function periodWord(period: DigestInput['period']): string {
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  return days >= 6 && days <= 8 ? 'this week' : 'this period';
}

/**
 * Red when a critical or high failure is open; amber when only medium/low failures are open or
 * something could not be assessed (or nothing was assessed at all); green only when nothing fails
 * and nothing is unassessed.
 */
export function postureSentence(input: DigestInput): PostureSentence {
  const s = input.openBySeverity;
  const failing = s.critical + s.high + s.medium + s.low;
  const notAssessed = input.posture.totals.error;
  const newCount = input.newFailures.length;
  const assessed = input.posture.totals.pass + input.posture.totals.fail + input.posture.totals.suppressed + notAssessed;

  const severityParts = (['critical', 'high', 'medium', 'low'] as const).filter((k) => s[k] > 0).map((k) => `${s[k]} ${k}`);
  const clauses: string[] = [];
  if (failing > 0) clauses.push(`${list(severityParts)} failure${failing === 1 ? '' : 's'} open`);
  if (failing > 0 || newCount > 0) clauses.push(`${newCount} new ${periodWord(input.period)}`);
  if (notAssessed > 0) clauses.push(`${notAssessed} check result${notAssessed === 1 ? '' : 's'} could not be assessed`);

  if (s.critical + s.high > 0) return { tone: 'bad', sentence: `${capitalize(clauses.join('; '))}.` };
  if (failing > 0 || notAssessed > 0) return { tone: 'warn', sentence: `${capitalize(clauses.join('; '))}.` };
  if (assessed === 0) return { tone: 'warn', sentence: 'Nothing has been assessed yet: no failures does not mean compliant.' };
  return { tone: 'ok', sentence: 'No open failures and nothing left unassessed.' };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
