import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DIGEST_FILES, DIGEST_ROOT, digestArchivePrefix } from './layout.js';
import { getObjectBytes } from './s3-objects.js';

export interface ArchivedDigest {
  subject: string;
  html: string;
  text: string;
  /** The posture the digest reported, serialized by the caller (the next digest compares against it). */
  postureJson: string;
  /** Images the HTML shows as `cid:` (the trend chart), archived next to it so the record is complete. */
  inlineImages?: readonly { filename: string; contentType: string; data: Uint8Array }[];
}

/** Archives a sent digest next to the evidence, write-once. */
export async function archiveDigest(s3: S3Client, bucket: string, periodEnd: string, digest: ArchivedDigest): Promise<void> {
  const prefix = digestArchivePrefix(periodEnd);
  const objects: [string, string | Uint8Array, string][] = [
    [DIGEST_FILES.html, digest.html, 'text/html; charset=utf-8'],
    [DIGEST_FILES.text, `${digest.subject}\n\n${digest.text}`, 'text/plain; charset=utf-8'],
    [DIGEST_FILES.posture, digest.postureJson, 'application/json'],
    ...(digest.inlineImages ?? []).map((i): [string, Uint8Array, string] => [i.filename, i.data, i.contentType]),
  ];
  for (const [name, body, contentType] of objects) {
    await s3.send(new PutObjectCommand({
      Bucket: bucket, Key: prefix + name, Body: body, ContentType: contentType, ChecksumAlgorithm: 'SHA256', IfNoneMatch: '*',
    }));
  }
}

/** The posture archived with the newest digest whose period ended before `before` (raw JSON; the caller validates it). */
export async function latestArchivedPosture(s3: S3Client, bucket: string, before: string): Promise<unknown> {
  let latest: string | undefined;
  let token: string | undefined;
  const bound = digestArchivePrefix(before);
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: DIGEST_ROOT, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      const key = object.Key ?? '';
      if (key.endsWith(`/${DIGEST_FILES.posture}`) && key < bound && (!latest || key > latest)) latest = key;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return latest ? JSON.parse((await getObjectBytes(s3, bucket, latest)).toString('utf8')) : undefined;
}
