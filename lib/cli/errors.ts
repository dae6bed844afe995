import { ExpectedError } from '../model/errors.js';

/** A mistake in how the command was called or configured: exit code 2, one line, no stack trace. */
export class UsageError extends ExpectedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/**
 * Exit codes: 0 no FAIL (verify: verified against a pinned key), 1 at least one FAIL (verify: evidence
 * fails), 2 usage/credential/config error, 3 verify: intact but the signer is not pinned.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, unpinned: 3 } as const;
