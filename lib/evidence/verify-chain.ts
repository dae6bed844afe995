import type { Manifest } from './manifest.js';
import type { VerifyCheck } from './verify-report.js';

interface ChainRun {
  accountId: string;
  runId: string;
  startedAt: string;
  manifestSha256: string;
  manifest: Manifest;
}

/**
 * Per account, in run-time order, each manifest must name the bundle's preceding run and that run's
 * actual manifest hash. Removing a run from the middle, reordering, or editing an earlier manifest
 * all break a link. Only the first run may point outside the bundle (earlier history): a note.
 */
export function verifyChain(runs: readonly ChainRun[]): VerifyCheck[] {
  const checks: VerifyCheck[] = [];
  const byAccount = new Map<string, ChainRun[]>();
  for (const run of runs) byAccount.set(run.accountId, [...(byAccount.get(run.accountId) ?? []), run]);
  for (const list of byAccount.values()) {
    list.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.runId.localeCompare(b.runId));
    const inBundle = new Set(list.map((r) => r.runId));
    list.forEach((run, i) => {
      const link = run.manifest.previousManifest;
      const prev = list[i - 1];
      const subject = `${run.accountId}/${run.runId} -> ${link?.runId ?? '(none)'}`;
      if (!prev) {
        checks.push({
          status: 'note',
          kind: 'chain',
          subject,
          message: link
            ? `first run of the bundle; its previous manifest (run ${link.runId}, SHA-256 ${link.sha256}) is outside the bundle`
            : 'first run ever recorded for this account (chain start)',
        });
        return;
      }
      if (!link) {
        checks.push({ status: 'fail', kind: 'chain', subject, message: `claims to start the chain, but the bundle holds an earlier run ${prev.runId}` });
      } else if (link.runId !== prev.runId) {
        checks.push({
          status: 'fail',
          kind: 'chain',
          subject,
          message: inBundle.has(link.runId)
            ? `points to run ${link.runId}, but the run before it (by start time) is ${prev.runId}: runs reordered or the chain forked`
            : `points to run ${link.runId}, which is not in the bundle: a run between ${prev.runId} and ${run.runId} is missing`,
        });
      } else if (link.sha256 !== prev.manifestSha256) {
        checks.push({
          status: 'fail',
          kind: 'chain',
          subject,
          message: `records previous manifest SHA-256 ${link.sha256}, but ${prev.runId}'s manifest in the bundle hashes to ${prev.manifestSha256}`,
        });
      } else {
        checks.push({ status: 'ok', kind: 'chain', subject, message: `previous manifest SHA-256 ${link.sha256} matches` });
      }
    });
  }
  return checks;
}
