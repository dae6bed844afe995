import { ExpectedError } from '../model/errors.js';

/** A mistake in how the command was called or configured: exit code 2, one line, no stack trace. */
export class UsageError extends ExpectedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}

/** Exit codes: 0 no FAIL, 1 at least one FAIL (or verification failed), 2 usage/credential/config error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
