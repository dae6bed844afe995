import { HeadObjectCommand, ListObjectsV2Command, RestoreObjectCommand, type S3Client, type Tier } from '@aws-sdk/client-s3';
import { ExpectedError } from '../model/errors.js';
import { listCommonPrefixes, listKeys } from './chain.js';
import { chainPrefix, compactTimestamp, EVIDENCE_ROOT, runPrefix } from './layout.js';
import { parseDay, type RunSelection } from './selection.js';

/** Storage classes whose objects cannot be read until restored (Glacier Instant Retrieval can). */
export const RESTORE_REQUIRED_CLASSES: ReadonlySet<string> = new Set(['GLACIER', 'DEEP_ARCHIVE']);

export interface ArchivedObject {
  key: string;
  storageClass: string;
  /** `needed`: no restore requested; `in-progress`: requested, not yet readable; `restored`: a readable copy exists. */
  restore: 'needed' | 'in-progress' | 'restored';
  /** When the restored copy expires (x-amz-restore expiry-date). */
  restoredUntil?: string;
}

/** Some evidence of the selection is in Glacier / Deep Archive and must be restored before it can be bundled. */
export class ArchivedEvidenceError extends ExpectedError {
  constructor(readonly objects: readonly ArchivedObject[], hint: string) {
    const needed = objects.filter((o) => o.restore === 'needed').length;
    const pending = objects.length - needed;
    super(
      `${objects.length} evidence object(s) are archived (Glacier / Deep Archive) and not yet readable` +
        ` (${needed} need a restore, ${pending} restore(s) in progress). ${hint}`,
    );
    this.name = 'ArchivedEvidenceError';
  }
}

/**
 * The archived, not-yet-readable objects a bundle of `selection` would read: chain links and everything
 * under the selected runs' prefixes. Found by listing (ListObjectsV2 reports each key's storage class; no
 * object is read) and one HEAD per archived object for its restore status, so it works on evidence whose
 * manifests and chain links are archived too. Run ids come from the chain keys' names, not their bodies.
 */
export async function archivedEvidence(
  s3: S3Client,
  bucket: string,
  selection: RunSelection,
  accountId: string | undefined,
): Promise<ArchivedObject[]> {
  const accounts = accountId
    ? [accountId]
    : (await listCommonPrefixes(s3, bucket, EVIDENCE_ROOT)).map((p) => p.slice(EVIDENCE_ROOT.length, -1));
  const prefixes: string[] = [];
  const chainKeys = new Set<string>();
  for (const account of accounts) {
    if ('runIds' in selection) {
      prefixes.push(...selection.runIds.map((runId) => runPrefix(account, runId)));
      continue;
    }
    const prefix = chainPrefix(account);
    const from = parseDay(selection.from, '--from');
    const endExclusive = new Date(parseDay(selection.to, '--to').getTime() + 86_400_000);
    const stop = prefix + compactTimestamp(endExclusive.toISOString());
    for await (const key of listKeys(s3, bucket, prefix, { startAfter: prefix + compactTimestamp(from.toISOString()).slice(0, -1) })) {
      if (key >= stop) break;
      chainKeys.add(key);
      const runId = key.slice(prefix.length).split('__')[1]?.replace(/\.json$/, '');
      if (runId) prefixes.push(runPrefix(account, runId));
    }
    // The chain links themselves are listed with the chain prefix below.
    if (chainKeys.size > 0) prefixes.push(prefix);
  }
  const archived: { key: string; storageClass: string }[] = [];
  for (const prefix of prefixes) {
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
      for (const object of page.Contents ?? []) {
        const key = object.Key ?? '';
        if (prefix.endsWith('/chain/') && !chainKeys.has(key)) continue;
        if (object.StorageClass && RESTORE_REQUIRED_CLASSES.has(object.StorageClass)) archived.push({ key, storageClass: object.StorageClass });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
  const out: ArchivedObject[] = [];
  for (const object of archived) {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: object.key }));
    const restore = parseRestoreHeader(head.Restore);
    if (restore.state !== 'restored') out.push({ ...object, restore: restore.state });
  }
  return out;
}

/** `ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"` -> restored until that date. */
export function parseRestoreHeader(header: string | undefined): { state: ArchivedObject['restore']; until?: string } {
  if (!header) return { state: 'needed' };
  if (/ongoing-request="true"/.test(header)) return { state: 'in-progress' };
  const expiry = /expiry-date="([^"]+)"/.exec(header)?.[1];
  const until = expiry ? new Date(expiry) : undefined;
  return until && !Number.isNaN(until.getTime()) ? { state: 'restored', until: until.toISOString() } : { state: 'restored' };
}

export interface RestoreOptions {
  /** Days the restored copy stays readable. */
  days: number;
  tier: Tier;
}

/** Requests a restore of every object that needs one (those in progress are left alone). */
export async function requestRestores(s3: S3Client, bucket: string, objects: readonly ArchivedObject[], options: RestoreOptions): Promise<number> {
  let requested = 0;
  for (const object of objects) {
    if (object.restore !== 'needed') continue;
    // Expedited retrieval does not exist for Deep Archive; Standard is the closest it offers.
    const tier = object.storageClass === 'DEEP_ARCHIVE' && options.tier === 'Expedited' ? 'Standard' : options.tier;
    await s3.send(new RestoreObjectCommand({
      Bucket: bucket, Key: object.key, RestoreRequest: { Days: options.days, GlacierJobParameters: { Tier: tier } },
    }));
    requested += 1;
  }
  return requested;
}
