/**
 * A run may hold the lock this long: the state machine's own timeout (an execution never outlives it).
 * A leaf module so the CDK construct (infra/, shipped as a library) can read it without importing the
 * pipeline and, with it, the AWS SDK.
 */
export const AUDIT_RUN_TIMEOUT_HOURS = 6;
