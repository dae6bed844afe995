/**
 * An expected, user-facing failure: bad input, missing configuration or credentials, a refused
 * operation. Its message says what was expected, what was found and what to do. The CLI prints the
 * message on one line and exits 2; any other error is a bug and shows its stack with HIPAA_AUDIT_DEBUG=1.
 */
export class ExpectedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
