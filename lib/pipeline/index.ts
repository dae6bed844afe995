/** What the Lambda handlers call: one function per state of the scan state machine, plus the digest. */
export { loadPipelineEnv, PipelineEnvError, type PipelineEnv } from './env.js';
export { unitIdOf, type ScanTargetSpec } from './targets.js';
export { resolveTargets, AUDIT_RUN_TIMEOUT_HOURS, NoTargetsError } from './resolve-targets.js';
export { scanTarget, TargetMismatchError, type TargetOutcome } from './scan-target.js';
export { sealAccount, type ScanOutcomeOrFailure, type ScanFailure, type SealedAccount } from './seal-account.js';
export { recordAccount } from './record-account.js';
export { finalizeRun, RUN_ITEM_MAX_ERRORS } from './finalize-run.js';
export { sendScheduledDigest, DIGEST_PREFIX, type DigestOutcome } from './send-digest.js';
export { ExpectedError } from '../model/errors.js';
export { EvidenceIntegrityError, NothingToSealError } from '../evidence/types.js';
export { RunInProgressError } from '../store/dynamodb/run-lock.js';
export { respondToFingerprintRequest, type CustomResourceResponse } from './signing-key-fingerprint.js';
