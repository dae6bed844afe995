export const CHECK_KINDS = ['archive', 'manifest', 'object', 'signature', 'public-key', 'chain', 'unlisted', 'missing', 'summary'] as const;
export type VerifyCheckKind = (typeof CHECK_KINDS)[number];

/** ok: verified. fail: evidence cannot be trusted as-is. note: worth knowing, not a failure. */
export interface VerifyCheck {
  status: 'ok' | 'fail' | 'note';
  kind: VerifyCheckKind;
  /** The file (zip path) or chain link (`<run> -> <previous run>`) the check is about. */
  subject: string;
  message: string;
}

export interface VerifiedRun {
  accountId: string;
  runId: string;
  startedAt: string;
  manifestPath: string;
  manifestSha256: string;
  publicKeySha256?: string;
}

export interface VerifyReport {
  bundlePath: string;
  ok: boolean;
  runs: VerifiedRun[];
  checks: VerifyCheck[];
  failures: VerifyCheck[];
  notes: VerifyCheck[];
}

export function finishReport(bundlePath: string, runs: VerifiedRun[], checks: VerifyCheck[]): VerifyReport {
  const failures = checks.filter((c) => c.status === 'fail');
  return { bundlePath, ok: failures.length === 0 && runs.length > 0, runs, checks, failures, notes: checks.filter((c) => c.status === 'note') };
}
