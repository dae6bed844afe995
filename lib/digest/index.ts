export { buildDigestInput, EXPIRING_WINDOW_DAYS, type BuildDigestInputOptions } from './build-input.js';
export { DigestInputSchema, DigestPostureSchema, type DigestInput, type DigestPosture } from './input.js';
export { DigestAlreadySentError, DynamoDbDigestLedger, InMemoryDigestLedger, digestIdempotencyKey, type DigestLedger } from './ledger.js';
export { DigestTooLargeError, renderDigest, type RenderedDigest } from './render.js';
export { renderDigestEmail, TREND_CONTENT_ID } from './render-email.js';
export { DigestLedgerError, DigestSendError, sendDigest, validateAddresses, type SendDigestOptions, type SendDigestResult } from './send.js';
