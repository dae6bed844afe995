import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import { sha256Hex } from './hashing.js';
import { EvidenceConflictError } from './types.js';

export interface ImmutablePut {
  key: string;
  body: Buffer;
  contentType: string;
  contentEncoding?: string;
  /**
   * Decides whether an object already stored under the key is "the same" evidence (a retried write).
   * Default: byte-identical. Signatures override it because ECDSA signatures are randomised.
   */
  sameAsExisting?: (existing: Buffer) => boolean;
}

export type PutOutcome = 'created' | 'already-present';

/**
 * Writes an object that must never be replaced. `IfNoneMatch: '*'` makes S3 refuse to overwrite
 * (moto 5 honours it too); the HEAD first is belt and braces for S3-compatible stores that ignore the
 * header. An existing identical object is success, so a crashed run can simply be retried.
 */
export async function putImmutable(s3: S3Client, bucket: string, put: ImmutablePut): Promise<PutOutcome> {
  if (await exists(s3, bucket, put.key)) return compareExisting(s3, bucket, put);
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: put.key,
        Body: put.body,
        ContentType: put.contentType,
        ...(put.contentEncoding ? { ContentEncoding: put.contentEncoding } : {}),
        ContentLength: put.body.length,
        // S3 verifies the bytes it received; Object Lock buckets also require a checksum (or MD5).
        ChecksumAlgorithm: 'SHA256',
        ChecksumSHA256: Buffer.from(sha256Hex(put.body), 'hex').toString('base64'),
        IfNoneMatch: '*',
      }),
    );
    return 'created';
  } catch (error) {
    // 412: someone wrote the key between our HEAD and PUT; 409: a concurrent conditional write.
    if (error instanceof S3ServiceException && [409, 412].includes(error.$metadata.httpStatusCode ?? 0)) {
      return compareExisting(s3, bucket, put);
    }
    throw error;
  }
}

async function compareExisting(s3: S3Client, bucket: string, put: ImmutablePut): Promise<PutOutcome> {
  const existing = await getObjectBytes(s3, bucket, put.key);
  const same = put.sameAsExisting ? put.sameAsExisting(existing) : existing.equals(put.body);
  if (!same) throw new EvidenceConflictError(put.key);
  return 'already-present';
}

export async function exists(s3: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return false;
    throw error;
  }
}

/** For small objects only (manifests, signatures, findings); large ones are streamed. */
export async function getObjectBytes(s3: S3Client, bucket: string, key: string): Promise<Buffer> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!out.Body) throw new Error(`s3://${bucket}/${key} has no body`);
  return Buffer.from(await out.Body.transformToByteArray());
}
