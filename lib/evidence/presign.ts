import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { AwsClientFactory } from '../aws/clients.js';
import { sha256OfStream } from './hashing.js';
import { ExpectedError } from '../model/errors.js';

/** SigV4 presigned URLs cannot live longer than 7 days. */
export const MAX_PRESIGN_SECONDS = 604_800;

export class PresignExpiryError extends ExpectedError {
  constructor(message: string) {
    super(message);
    this.name = 'PresignExpiryError';
  }
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `90s`, `30m`, `12h`, `7d` or a bare number of seconds; at most 7 days. */
export function parseExpiresIn(value: string | number): number {
  const match = typeof value === 'number' ? null : /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(value);
  const seconds = typeof value === 'number' ? value : match ? Number(match[1]) * (UNIT_SECONDS[(match[2] || 's').toLowerCase()] ?? 1) : Number.NaN;
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new PresignExpiryError(`Expiry "${value}" is not a duration like 3600, 30m, 12h or 7d.`);
  }
  if (seconds > MAX_PRESIGN_SECONDS) {
    throw new PresignExpiryError(`Expiry ${value} (${seconds} s) is longer than the 7-day (${MAX_PRESIGN_SECONDS} s) maximum for presigned S3 URLs.`);
  }
  return seconds;
}

export interface UploadBundleOptions {
  clients: AwsClientFactory;
  region: string;
  bucket: string;
  key: string;
  filePath: string;
  /** Seconds or a duration string; validated before anything is uploaded. */
  expiresIn: string | number;
}

export interface UploadedBundle {
  bucket: string;
  key: string;
  url: string;
  expiresInSeconds: number;
  sha256: string;
  /** When the link really stops working: see `linkExpiry`. */
  expiresAt: string;
  expiryLimitedBy: LinkExpiry['limitedBy'];
}

export interface LinkExpiry {
  expiresAt: string;
  /**
   * `configured`: the requested lifetime ends first; `credentials`: the signing credentials expire first
   * (a pre-signed URL dies with the session that signed it); `unknown-credentials`: signed with temporary
   * credentials whose expiry the SDK was not told, so the link may die before `expiresAt`.
   */
  limitedBy: 'configured' | 'credentials' | 'unknown-credentials';
}

/** The earlier of `now + expiresInSeconds` and the expiry of the credentials the client signs with. */
export async function linkExpiry(s3: S3Client, expiresInSeconds: number, now: Date = new Date()): Promise<LinkExpiry> {
  const configured = new Date(now.getTime() + expiresInSeconds * 1000);
  const identity = await s3.config.credentials();
  const expiration = identity.expiration;
  if (expiration && expiration < configured) return { expiresAt: expiration.toISOString(), limitedBy: 'credentials' };
  if (!expiration && identity.sessionToken) return { expiresAt: configured.toISOString(), limitedBy: 'unknown-credentials' };
  return { expiresAt: configured.toISOString(), limitedBy: 'configured' };
}

/** Uploads a finished bundle file (streamed, never read whole) and returns a presigned GET URL. */
export async function uploadBundle(options: UploadBundleOptions): Promise<UploadedBundle> {
  const expiresInSeconds = parseExpiresIn(options.expiresIn);
  const s3 = options.clients.get(S3Client, options.region);
  const { size } = await stat(options.filePath);
  // Hash first so the PUT carries a precomputed SHA-256 checksum header instead of an aws-chunked trailer.
  const { sha256 } = await sha256OfStream(createReadStream(options.filePath));
  await s3.send(
    new PutObjectCommand({
      Bucket: options.bucket,
      Key: options.key,
      Body: createReadStream(options.filePath),
      ContentLength: size,
      ContentType: 'application/zip',
      ChecksumAlgorithm: 'SHA256',
      ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      IfNoneMatch: '*',
    }),
  );
  const expiry = await linkExpiry(s3, expiresInSeconds);
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: options.bucket, Key: options.key }), { expiresIn: expiresInSeconds });
  return { bucket: options.bucket, key: options.key, url, expiresInSeconds, sha256, expiresAt: expiry.expiresAt, expiryLimitedBy: expiry.limitedBy };
}
