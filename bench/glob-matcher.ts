import { matchesPattern } from '../lib/model/resource-pattern.js';

/**
 * Risk-acceptance pattern matching on a pathological pattern (`arn` + n stars + `Z`, which never
 * matches): the linear matcher in lib/findings/resource-pattern.ts against the regex translation it
 * replaced (`*` -> `.*`), whose backtracking grows about 8x per extra star.
 */
export interface GlobTiming {
  matcher: 'linear' | 'regex (replaced)';
  stars: number;
  valueChars: number;
  microsPerMatch: number;
}

function regexMatch(pattern: string, value: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(value);
}

function time(fn: () => boolean, minMs: number): number {
  let runs = 0;
  const started = performance.now();
  do {
    fn();
    runs += 1;
  } while (performance.now() - started < minMs);
  return ((performance.now() - started) * 1000) / runs;
}

export function measureGlob(minMs = 200): GlobTiming[] {
  const arn = 'arn:aws:iam::123456789012:role/service-role/a-fairly-long-role-name-for-the-benchmark';
  const long = `arn:aws:iam::123456789012:role/${'a'.repeat(10_000)}`;
  const out: GlobTiming[] = [];
  for (const stars of [8, 100, 1_000]) {
    for (const value of [arn, long]) {
      const pattern = `arn${'*'.repeat(stars)}Z`;
      out.push({ matcher: 'linear', stars, valueChars: value.length, microsPerMatch: time(() => matchesPattern(pattern, value), minMs) });
    }
  }
  // The regex is only timed where it still finishes in seconds.
  for (const stars of [3, 4, 5]) {
    const pattern = `arn${'*'.repeat(stars)}Z`;
    out.push({ matcher: 'regex (replaced)', stars, valueChars: arn.length, microsPerMatch: time(() => regexMatch(pattern, arn), minMs) });
  }
  return out;
}

export function renderGlob(timings: readonly GlobTiming[]): string {
  const lines = ['Acceptance pattern matching: `arn` + n stars + `Z` (never matches)', '', '| matcher | stars | value chars | µs per match |', '| --- | ---: | ---: | ---: |'];
  for (const t of timings) lines.push(`| ${t.matcher} | ${t.stars} | ${t.valueChars} | ${t.microsPerMatch.toFixed(2)} |`);
  return lines.join('\n');
}
