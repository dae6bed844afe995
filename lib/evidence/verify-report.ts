export const CHECK_KINDS = ['archive', 'manifest', 'object', 'signature', 'public-key', 'signer', 'chain', 'unlisted', 'missing', 'summary', 'report'] as const;
export type VerifyCheckKind = (typeof CHECK_KINDS)[number];

/** ok: verified. fail: evidence cannot be trusted as-is. note: worth knowing, not a failure. */
export interface VerifyCheck {
  status: 'ok' | 'fail' | 'note';
  kind: VerifyCheckKind;
  /** The file (zip path), run (`<account>/<run>`) or chain link (`<run> -> <previous run>`) the check is about. */
  subject: string;
  message: string;
}

export interface VerifiedRun {
  accountId: string;
  runId: string;
  startedAt: string;
  manifestPath: string;
  manifestSha256: string;
  /** Fingerprint of the key whose signature over the manifest verified; absent when none did. */
  publicKeySha256?: string;
}

/** A key that signed runs in the bundle, and whether (and how) the auditor pinned it. */
export interface BundleSigner {
  sha256: string;
  runs: number;
  pinnedBy?: string;
}

/**
 * verified: the evidence is intact and every run is signed by a pinned key.
 * failed: something does not verify. unpinned: intact and self-consistent, but nothing says whose key
 * signed it (a forger who re-signs with their own key produces exactly this).
 */
export type VerifyOutcome = 'verified' | 'failed' | 'unpinned';

export interface VerifyReport {
  bundlePath: string;
  outcome: VerifyOutcome;
  /** No evidence failure (whether or not the signer is pinned). */
  ok: boolean;
  pinned: boolean;
  runs: VerifiedRun[];
  signers: BundleSigner[];
  checks: VerifyCheck[];
  failures: VerifyCheck[];
  notes: VerifyCheck[];
  /** Checks counted but not kept, per status, once a hostile bundle produces more than the caps. */
  omitted: Record<VerifyCheck['status'], number>;
}

const KEEP: Record<VerifyCheck['status'], number> = { fail: 1_000, note: 1_000, ok: 100_000 };

/** Collects checks with a cap per status, so 100,000 planted files cost a counter, not 100,000 records. */
export class FailureLog {
  readonly checks: VerifyCheck[] = [];
  readonly counts: Record<VerifyCheck['status'], number> = { ok: 0, fail: 0, note: 0 };

  add(check: VerifyCheck): void {
    this.counts[check.status] += 1;
    if (this.counts[check.status] <= KEEP[check.status]) this.checks.push(check);
  }

  omitted(): Record<VerifyCheck['status'], number> {
    const left = (status: VerifyCheck['status']) => Math.max(0, this.counts[status] - KEEP[status]);
    return { ok: left('ok'), fail: left('fail'), note: left('note') };
  }
}

export function finishReport(
  bundlePath: string,
  runs: VerifiedRun[],
  log: FailureLog,
  signing: { pinned: boolean; signers: BundleSigner[] },
): VerifyReport {
  const failures = log.checks.filter((c) => c.status === 'fail');
  const ok = log.counts.fail === 0 && runs.length > 0;
  return {
    bundlePath,
    outcome: !ok ? 'failed' : signing.pinned ? 'verified' : 'unpinned',
    ok,
    pinned: signing.pinned,
    runs,
    signers: signing.signers,
    checks: log.checks,
    failures,
    notes: log.checks.filter((c) => c.status === 'note'),
    omitted: log.omitted(),
  };
}
