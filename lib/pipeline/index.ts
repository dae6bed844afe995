/** What the Lambda handlers call: one function per state of the scan state machine, plus the digest. */
export { loadPipelineEnv, PipelineEnvError, type PipelineEnv } from './env.js';
export type { ScanTargetSpec } from './targets.js';
export { resolveTargets } from './resolve-targets.js';
export { scanTarget, TargetMismatchError, type TargetOutcome } from './scan-target.js';
export { finalizeRun, EvidenceIntegrityError, type TargetOutcomeOrFailure } from './finalize-run.js';
export { sendScheduledDigest, DIGEST_PREFIX, type DigestOutcome } from './send-digest.js';
export { ExpectedError } from '../model/errors.js';
