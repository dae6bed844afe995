import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { GetPublicKeyCommand, SignCommand, type KMSClient } from '@aws-sdk/client-kms';
import { sha256Hex } from './hashing.js';
import { SIGNING_ALGORITHM } from './manifest.js';

/** KMS accepts at most 4096 bytes with MessageType RAW; larger manifests are signed by digest. */
export const KMS_RAW_MESSAGE_LIMIT = 4096;

export interface SigningPublicKey {
  keyId: string;
  pem: string;
  /** SHA-256 of the DER SPKI bytes. */
  sha256: string;
}

export interface ManifestSignature {
  keyId: string;
  messageType: 'RAW' | 'DIGEST';
  /** DER-encoded ECDSA signature as returned by KMS. */
  signature: Buffer;
}

export async function fetchPublicKey(kms: KMSClient, keyId: string): Promise<SigningPublicKey> {
  const out = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (!out.PublicKey) throw new Error(`KMS GetPublicKey returned no key for ${keyId}`);
  if (out.KeySpec && out.KeySpec !== 'ECC_NIST_P256') throw new Error(`Signing key ${keyId} is ${out.KeySpec}; expected ECC_NIST_P256.`);
  const der = Buffer.from(out.PublicKey);
  return { keyId: out.KeyId ?? keyId, pem: derToPem(der), sha256: sha256Hex(der) };
}

export function derToPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${b64.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** SHA-256 of the DER SPKI inside a PEM, comparable with SigningPublicKey.sha256. */
export function pemFingerprint(pem: string): string {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  return sha256Hex(der);
}

export function verifyManifestSignature(manifestBytes: Uint8Array, signature: Uint8Array, pem: string): boolean {
  try {
    return cryptoVerify('sha256', manifestBytes, { key: pem, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

/**
 * Signs with ECDSA_SHA_256 and checks the result locally before it is published, so a wrong key or a
 * misbehaving endpoint fails the write instead of producing evidence that can never verify.
 *
 * Manifests up to 4 KiB are sent RAW. Larger ones are sent as their SHA-256 with MessageType DIGEST,
 * which on real KMS yields the same verifiable signature. moto (5.x) ignores MessageType and always
 * hashes what it receives, so its DIGEST signatures cover SHA-256(SHA-256(manifest)) and fail the
 * local check; moto also has no RAW size limit, so in that case RAW is retried with the whole manifest.
 */
export async function signManifest(
  kms: KMSClient,
  keyId: string,
  manifestBytes: Buffer,
  publicKey: SigningPublicKey,
): Promise<ManifestSignature> {
  const attempt = async (messageType: 'RAW' | 'DIGEST'): Promise<ManifestSignature | undefined> => {
    const message = messageType === 'RAW' ? manifestBytes : Buffer.from(sha256Hex(manifestBytes), 'hex');
    const out = await kms.send(
      new SignCommand({ KeyId: keyId, Message: message, MessageType: messageType, SigningAlgorithm: SIGNING_ALGORITHM }),
    );
    if (!out.Signature) throw new Error(`KMS Sign returned no signature for ${keyId}`);
    const signature = Buffer.from(out.Signature);
    return verifyManifestSignature(manifestBytes, signature, publicKey.pem)
      ? { keyId: out.KeyId ?? keyId, messageType, signature }
      : undefined;
  };
  if (manifestBytes.length <= KMS_RAW_MESSAGE_LIMIT) {
    const raw = await attempt('RAW');
    if (raw) return raw;
    throw new Error(`KMS signature from ${keyId} does not verify with its public key; refusing to publish it.`);
  }
  const digest = await attempt('DIGEST');
  if (digest) return digest;
  const raw = await attempt('RAW');
  if (raw) return raw;
  throw new Error(`KMS signature from ${keyId} does not verify with its public key (tried DIGEST and RAW); refusing to publish it.`);
}
