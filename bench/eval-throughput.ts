import { evaluateSnapshot } from '../lib/checks/evaluate.js';
import type { Thresholds } from '../lib/checks/thresholds.js';
import type { CheckDefinition } from '../lib/checks/types.js';
import type { AccountSnapshot } from '../lib/snapshot/schema.js';

export interface EvaluationThroughput {
  checks: number;
  resultsPerPass: number;
  passes: number;
  seconds: number;
  /** Results (one per check per resource) produced per second: the "resource-checks/s" figure. */
  resultsPerSecond: number;
  msPerPass: number;
  /** The checks that cost the most per pass, to point optimisation at the right place. */
  slowestChecks: { id: string; msPerPass: number; results: number }[];
}

/**
 * Re-evaluates the collected snapshot until `minMs` has elapsed. Checks are pure, so repeated passes
 * measure evaluation alone (no I/O); one untimed warm-up pass lets the JIT settle first.
 */
export function measureEvaluation(
  snapshot: AccountSnapshot,
  checks: readonly CheckDefinition[],
  thresholds: Thresholds,
  minMs: number,
): EvaluationThroughput {
  const now = new Date();
  const resultsPerPass = evaluateSnapshot(snapshot, checks, now, thresholds).length;
  let passes = 0;
  let results = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMs || passes === 0) {
    results += evaluateSnapshot(snapshot, checks, now, thresholds).length;
    passes++;
    elapsed = performance.now() - started;
  }
  const seconds = elapsed / 1000;
  return {
    slowestChecks: timeEachCheck(snapshot, checks, thresholds, now, Math.min(passes, 20)),
    checks: checks.length,
    resultsPerPass,
    passes,
    seconds,
    resultsPerSecond: seconds > 0 ? results / seconds : 0,
    msPerPass: elapsed / passes,
  };
}

function timeEachCheck(
  snapshot: AccountSnapshot,
  checks: readonly CheckDefinition[],
  thresholds: Thresholds,
  now: Date,
  passes: number,
): EvaluationThroughput['slowestChecks'] {
  return checks
    .map((check) => {
      const started = performance.now();
      let results = 0;
      for (let i = 0; i < passes; i++) results = evaluateSnapshot(snapshot, [check], now, thresholds).length;
      return { id: check.id, msPerPass: (performance.now() - started) / passes, results };
    })
    .sort((a, b) => b.msPerPass - a.msPerPass)
    .slice(0, 5);
}
