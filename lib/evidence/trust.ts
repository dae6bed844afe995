import { ExpectedError } from '../model/errors.js';
import { pemFingerprint } from './signing.js';

/**
 * A key the auditor trusts to have signed the evidence, obtained independently of the bundle (a PEM
 * the organisation handed over, a fingerprint from the stack outputs or the digest, or KMS itself).
 * A bundle carries its own public key, so without one of these anyone who can re-sign can re-seal.
 */
export interface TrustedKey {
  /** Where the auditor got it: a file path, `kms:<key arn>`, `fingerprint`. */
  source: string;
  /** SHA-256 of the DER SubjectPublicKeyInfo, lower-case hex (what manifests record as publicKeySha256). */
  sha256: string;
  pem?: string;
}

export class TrustAnchorError extends ExpectedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TrustAnchorError';
  }
}

export function trustedKeyFromPem(pem: string, source: string): TrustedKey {
  try {
    return { source, sha256: pemFingerprint(pem), pem };
  } catch (error) {
    throw new TrustAnchorError(`Expected a PEM public key in ${source}, but it could not be read as one (${(error as Error).message}). Use the signing-public-key.pem your organisation published.`, { cause: error });
  }
}

/** Accepts `ab12...`, `AB:12:...` and `SHA256:ab12...`; the fingerprint is 64 hex digits. */
export function trustedKeyFromFingerprint(value: string): TrustedKey {
  const hex = value.trim().replace(/^sha-?256:/i, '').replace(/[:\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new TrustAnchorError(`Expected a SHA-256 key fingerprint (64 hex digits), got "${value.slice(0, 100)}". It is shown as publicKeySha256 in the stack outputs and the officer's digest.`);
  }
  return { source: 'fingerprint', sha256: hex };
}
