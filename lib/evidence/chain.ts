import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { chainPrefix } from './layout.js';
import { ChainIndexEntrySchema, type ChainIndexEntry } from './manifest.js';
import { getObjectBytes } from './s3-objects.js';

export interface ListOptions {
  /** Page size for ListObjectsV2 (tests use tiny pages to exercise pagination). */
  pageSize?: number;
}

/** Every key under a prefix in S3 order (lexicographic), following continuation tokens. */
export async function* listKeys(
  s3: S3Client,
  bucket: string,
  prefix: string,
  options: ListOptions & { startAfter?: string } = {},
): AsyncGenerator<string> {
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ...(options.pageSize ? { MaxKeys: options.pageSize } : {}),
        ...(token ? { ContinuationToken: token } : options.startAfter ? { StartAfter: options.startAfter } : {}),
      }),
    );
    for (const obj of page.Contents ?? []) if (obj.Key) yield obj.Key;
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** Immediate "sub-folders" of a prefix (e.g. account ids under evidence/), following pagination. */
export async function listCommonPrefixes(s3: S3Client, bucket: string, prefix: string, options: ListOptions = {}): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        Delimiter: '/',
        ...(options.pageSize ? { MaxKeys: options.pageSize } : {}),
        ...(token ? { ContinuationToken: token } : {}),
      }),
    );
    for (const p of page.CommonPrefixes ?? []) if (p.Prefix) out.push(p.Prefix);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

/**
 * The newest chain index key strictly before `currentKey`. S3 only lists ascending, so every page is
 * read and the last qualifying key wins: with daily runs six years is ~2,200 keys, three pages.
 */
export async function findPreviousChainKey(
  s3: S3Client,
  bucket: string,
  accountId: string,
  currentKey: string,
  options: ListOptions = {},
): Promise<string | undefined> {
  let previous: string | undefined;
  for await (const key of listKeys(s3, bucket, chainPrefix(accountId), options)) {
    if (key >= currentKey) break;
    previous = key;
  }
  return previous;
}

export async function readChainEntry(s3: S3Client, bucket: string, key: string): Promise<ChainIndexEntry> {
  const parsed = ChainIndexEntrySchema.safeParse(JSON.parse((await getObjectBytes(s3, bucket, key)).toString('utf8')));
  if (!parsed.success) throw new Error(`Chain index object s3://${bucket}/${key} is malformed: ${parsed.error.message}`);
  return parsed.data;
}
