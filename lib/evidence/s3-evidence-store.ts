import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsClientFactory } from '../aws/clients.js';
import { findingKey, type Finding } from '../model/finding.js';
import { countByStatus, type ScanRun } from '../model/run.js';
import { findingsToCsv } from '../report/csv.js';
import { canonicalJson } from './canonical-json.js';
import { gzipDeterministic, isFindingsJsonPath, MAX_FINDINGS_JSON_BYTES, parseFindingsFile } from './findings-file.js';
import { findPreviousChainKey, readChainEntry, type ListOptions } from './chain.js';
import { sha256Hex } from './hashing.js';
import {
  chainKey, FINDINGS_CSV_GZ_FILE, FINDINGS_JSON_FILE, FINDINGS_JSON_GZ_FILE, MANIFEST_FILE, PUBLIC_KEY_FILE, runPrefix, scanAttemptPath, scanRecordKey, SIGNATURE_FILE,
} from './layout.js';
import {
  ManifestSchema, MANIFEST_KIND, SIGNATURE_KIND, SIGNING_ALGORITHM, SignatureEnvelopeSchema,
  type ChainIndexEntry, type Manifest, type ManifestEntry, type PreviousManifest, type SignatureEnvelope,
} from './manifest.js';
import { packRawEvidence } from './raw-groups.js';
import { exists, getObjectBytes, putImmutable } from './s3-objects.js';
import { ScanRecordSchema, type ScanRecord } from './scan-record.js';
import { fetchPublicKey, signManifest, verifyManifestSignature } from './signing.js';
import {
  EvidenceIntegrityError, NothingToSealError,
  type EvidenceStore, type FailedScan, type RunEvidenceInput, type ScanAttemptInput, type SealInput, type VerifiedRunFindings, type WrittenRunEvidence,
} from './types.js';

export interface S3EvidenceStoreOptions extends ListOptions {
  clients: AwsClientFactory;
  region: string;
  bucket: string;
  /** Bucket for what steps hand each other (scan records); required by the per-attempt methods. */
  workBucket?: string;
  /** Asymmetric ECC_NIST_P256 KMS key (id, ARN or alias) that signs manifests. */
  signingKeyId: string;
}

interface PendingObject {
  entry: Omit<ManifestEntry, 'sha256' | 'size'>;
  body: Buffer;
}

/**
 * Writes a run's evidence write-once: data objects first, then public key, manifest, signature and
 * finally the chain index entry. The index entry is last so a run only becomes "previous" for the
 * next run once its manifest and signature are durable; a crashed write can be retried as-is.
 *
 * The pipeline writes in two steps: each scan attempt stores its raw evidence under its own attempt
 * prefix plus a scan record (`storeScanAttempt`), and one sealing step per account turns the chosen
 * attempts into findings, manifest, signature and chain link (`sealAccountRun`): a single writer of the
 * account's chain, and a manifest that lists exactly the objects of the attempts it seals.
 */
export class S3EvidenceStore implements EvidenceStore {
  private readonly s3: S3Client;
  private readonly kms: KMSClient;

  constructor(private readonly options: S3EvidenceStoreOptions) {
    this.s3 = options.clients.get(S3Client, options.region);
    this.kms = options.clients.get(KMSClient, options.region);
  }

  async writeRunEvidence({ run, findings, evidence, accountId }: RunEvidenceInput): Promise<WrittenRunEvidence> {
    const prefix = runPrefix(accountId, run.id);
    const written = await this.writeObjects(prefix, rawObjects(evidence, ''));
    return this.seal(accountId, run, findings, written.entries, written.keys);
  }

  /** One scan attempt: its raw evidence under its own prefix, then its record (the attempt's commit point). */
  async storeScanAttempt(input: ScanAttemptInput): Promise<{ recordKey: string }> {
    const workBucket = this.requireWorkBucket();
    const prefix = runPrefix(input.accountId, input.runId);
    const { entries } = await this.writeObjects(prefix, rawObjects(input.evidence, scanAttemptPath(input.unitId, input.attemptId)));
    const record: ScanRecord = {
      kind: 'hipaa-audit-scan-record',
      accountId: input.accountId, runId: input.runId, unitId: input.unitId, attemptId: input.attemptId,
      includeGlobal: input.includeGlobal, run: input.run, findings: [...input.findings], entries,
    };
    const recordKey = scanRecordKey(input.runId, input.accountId, input.unitId, input.attemptId);
    await putImmutable(this.s3, workBucket, { key: recordKey, body: Buffer.from(canonicalJson(record)), contentType: 'application/json' });
    return { recordKey };
  }

  /**
   * Seals one account's run from the scan attempts that succeeded (and the scans that failed after their
   * retries, recorded as collection errors of their regions). Deterministic in its input, so a retried
   * seal writes the same bytes; an account already sealed for this run is returned as it stands.
   */
  async sealAccountRun(input: SealInput): Promise<WrittenRunEvidence> {
    const myChainKey = chainKey(input.accountId, input.startedAt, input.runId);
    if (await exists(this.s3, this.options.bucket, myChainKey)) return this.readSealed(input.accountId, myChainKey);
    if (input.recordKeys.length === 0) throw new NothingToSealError(input.accountId, input.runId, input.failed);

    const records: ScanRecord[] = [];
    for (const key of input.recordKeys) {
      const parsed = ScanRecordSchema.safeParse(JSON.parse((await getObjectBytes(this.s3, this.requireWorkBucket(), key)).toString('utf8')));
      if (!parsed.success || parsed.data.accountId !== input.accountId || parsed.data.runId !== input.runId) {
        throw new EvidenceIntegrityError(`Scan record ${key} is not a record of account ${input.accountId} run ${input.runId}; refusing to seal it.`);
      }
      records.push(parsed.data);
    }
    const findings = records.flatMap((r) => r.findings).sort(byFindingKey);
    const collectionErrors = [...records.flatMap((r) => r.run.collectionErrors), ...input.failed.flatMap((f) => failedScanErrors(input.accountId, f))];
    const regions = [...new Set([...records.flatMap((r) => r.run.regions), ...input.failed.flatMap((f) => f.regions)])].sort();
    const coverage = records.flatMap((r) => r.run.coverage ?? []).sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
    const run: ScanRun = {
      id: input.runId,
      startedAt: input.startedAt,
      finishedAt: records.map((r) => r.run.finishedAt).sort().at(-1) ?? input.startedAt,
      accountIds: [input.accountId],
      regions,
      status: collectionErrors.length > 0 ? 'PARTIAL' : 'COMPLETE',
      counts: countByStatus(findings),
      collectionErrors,
      coverage,
    };
    const entries = records.flatMap((r) => r.entries).sort((a, b) => (a.path < b.path ? -1 : 1));
    return this.seal(input.accountId, run, findings, entries, []);
  }

  /**
   * The findings of run `runId` of `accountId`, as sealed: the chain index names the manifest and its
   * hash, the manifest names findings.json and its hash; both are checked before anything is returned.
   */
  async readVerifiedFindings(accountId: string, runId: string, startedAt: string): Promise<VerifiedRunFindings> {
    const { bucket } = this.options;
    const entry = await readChainEntry(this.s3, bucket, chainKey(accountId, startedAt, runId));
    const manifestBytes = await getObjectBytes(this.s3, bucket, entry.manifestKey);
    if (sha256Hex(manifestBytes) !== entry.manifestSha256) {
      throw new EvidenceIntegrityError(`${entry.manifestKey} does not match the SHA-256 in its chain index; refusing to record it.`);
    }
    const manifest = ManifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
    const prefix = runPrefix(accountId, runId);
    const listed = manifest.entries.find((e) => e.kind === 'findings-json' && isFindingsJsonPath(e.path));
    if (!listed) throw new EvidenceIntegrityError(`${entry.manifestKey} lists no ${FINDINGS_JSON_GZ_FILE} (or ${FINDINGS_JSON_FILE}); refusing to record the run.`);
    const bytes = await getObjectBytes(this.s3, bucket, prefix + listed.path);
    if (listed.sha256 !== sha256Hex(bytes)) {
      throw new EvidenceIntegrityError(`${prefix}${listed.path} does not match its manifest hash; refusing to record it.`);
    }
    return { run: manifest.run, findings: parseFindingsFile(listed.path, bytes, MAX_FINDINGS_JSON_BYTES), manifestKey: entry.manifestKey };
  }

  private requireWorkBucket(): string {
    if (!this.options.workBucket) throw new Error('S3EvidenceStore: scan attempts need the work bucket (workBucket option).');
    return this.options.workBucket;
  }

  private async writeObjects(prefix: string, pending: readonly PendingObject[]): Promise<{ entries: ManifestEntry[]; keys: string[] }> {
    const keys: string[] = [];
    const entries: ManifestEntry[] = [];
    for (const { entry, body } of pending) {
      const key = prefix + entry.path;
      await putImmutable(this.s3, this.options.bucket, {
        key, body, contentType: entry.contentType, ...(entry.contentEncoding ? { contentEncoding: entry.contentEncoding } : {}),
      });
      keys.push(key);
      entries.push({ ...entry, sha256: sha256Hex(body), size: body.length });
    }
    return { entries, keys };
  }

  /** Findings, public key, manifest, signature, and last the chain link. */
  private async seal(accountId: string, run: ScanRun, findings: readonly Finding[], dataEntries: ManifestEntry[], dataKeys: string[]): Promise<WrittenRunEvidence> {
    const { bucket } = this.options;
    const prefix = runPrefix(accountId, run.id);
    const findingsWritten = await this.writeObjects(prefix, [
      {
        entry: {
          path: FINDINGS_JSON_GZ_FILE, kind: 'findings-json', contentType: 'application/json', contentEncoding: 'gzip',
          description: `All ${findings.length} findings of the run (gzip)`,
        },
        body: gzipDeterministic(Buffer.from(canonicalJson(findings))),
      },
      {
        entry: {
          path: FINDINGS_CSV_GZ_FILE, kind: 'findings-csv', contentType: 'text/csv; charset=utf-8', contentEncoding: 'gzip',
          description: 'The same findings as CSV (gzip)',
        },
        body: gzipDeterministic(Buffer.from(findingsToCsv(findings))),
      },
    ]);
    const keys = [...dataKeys, ...findingsWritten.keys];
    const entries = [...dataEntries, ...findingsWritten.entries];

    const publicKey = await fetchPublicKey(this.kms, this.options.signingKeyId);
    const pemKey = prefix + PUBLIC_KEY_FILE;
    await putImmutable(this.s3, bucket, { key: pemKey, body: Buffer.from(publicKey.pem), contentType: 'application/x-pem-file' });
    keys.push(pemKey);

    const myChainKey = chainKey(accountId, run.startedAt, run.id);
    const manifest: Manifest = {
      kind: MANIFEST_KIND,
      schemaVersion: 1,
      accountId,
      runId: run.id,
      startedAt: run.startedAt,
      run,
      previousManifest: await this.previousManifest(accountId, myChainKey),
      signing: { keyId: publicKey.keyId, signingAlgorithm: SIGNING_ALGORITHM, publicKeySha256: publicKey.sha256 },
      entries,
    };
    const manifestBytes = Buffer.from(canonicalJson(manifest));
    const manifestSha256 = sha256Hex(manifestBytes);
    const manifestKey = prefix + MANIFEST_FILE;
    await putImmutable(this.s3, bucket, { key: manifestKey, body: manifestBytes, contentType: 'application/json' });
    keys.push(manifestKey);

    const sig = await signManifest(this.kms, this.options.signingKeyId, manifestBytes, publicKey);
    const envelope: SignatureEnvelope = {
      kind: SIGNATURE_KIND, keyId: sig.keyId, signingAlgorithm: SIGNING_ALGORITHM, messageType: sig.messageType,
      manifestSha256, signature: sig.signature.toString('base64'),
    };
    const sigKey = prefix + SIGNATURE_FILE;
    await putImmutable(this.s3, bucket, {
      key: sigKey,
      body: Buffer.from(canonicalJson(envelope)),
      contentType: 'application/json',
      // ECDSA signatures differ on every call: a retry accepts any existing valid signature.
      sameAsExisting: (existing) => existingSignatureValid(existing, manifestBytes, publicKey.pem),
    });
    keys.push(sigKey);

    const index: ChainIndexEntry = { accountId, runId: run.id, startedAt: run.startedAt, manifestKey, manifestSha256 };
    await putImmutable(this.s3, bucket, { key: myChainKey, body: Buffer.from(canonicalJson(index)), contentType: 'application/json' });
    keys.push(myChainKey);

    return { manifestKey, manifestSha256, manifest, keys };
  }

  private async readSealed(accountId: string, myChainKey: string): Promise<WrittenRunEvidence> {
    const entry = await readChainEntry(this.s3, this.options.bucket, myChainKey);
    const bytes = await getObjectBytes(this.s3, this.options.bucket, entry.manifestKey);
    if (sha256Hex(bytes) !== entry.manifestSha256) {
      throw new EvidenceIntegrityError(`${entry.manifestKey} of account ${accountId} no longer matches its chain index hash.`);
    }
    return { manifestKey: entry.manifestKey, manifestSha256: entry.manifestSha256, manifest: ManifestSchema.parse(JSON.parse(bytes.toString('utf8'))), keys: [] };
  }

  /** Hashes the previous manifest's actual bytes rather than trusting the hash in the index entry. */
  private async previousManifest(accountId: string, myChainKey: string): Promise<PreviousManifest | null> {
    const { bucket } = this.options;
    const prevKey = await findPreviousChainKey(this.s3, bucket, accountId, myChainKey, this.options);
    if (!prevKey) return null;
    const prev = await readChainEntry(this.s3, bucket, prevKey);
    const sha256 = sha256Hex(await getObjectBytes(this.s3, bucket, prev.manifestKey));
    if (sha256 !== prev.manifestSha256) {
      throw new Error(`Previous manifest ${prev.manifestKey} no longer matches its chain index hash; refusing to extend a broken chain.`);
    }
    return { runId: prev.runId, startedAt: prev.startedAt, key: prev.manifestKey, sha256 };
  }
}

/** A scan's raw evidence as (at most) one object under `pathPrefix` (the run prefix or an attempt path). */
function rawObjects(evidence: RunEvidenceInput['evidence'], pathPrefix: string): PendingObject[] {
  const packed = packRawEvidence(evidence);
  if (!packed) return [];
  const regions = [...new Set(packed.contents.map((g) => g.region))].sort();
  return [{
    entry: {
      path: pathPrefix + packed.path, kind: 'raw-evidence', contentType: 'application/json', contentEncoding: 'gzip',
      description: `Raw AWS API responses: ${packed.records} page(s)/call(s) of ${packed.contents.length} operation(s) in ${regions.join(', ')}; contents lists them`,
      records: packed.records, contents: packed.contents,
    },
    body: packed.body,
  }];
}

const byFindingKey = (a: Finding, b: Finding): number => {
  const ka = `${findingKey(a)}#${a.status}`;
  const kb = `${findingKey(b)}#${b.status}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** A scan that failed after its retries: nothing in its regions (or, for the global part, the account) was assessed. */
function failedScanErrors(accountId: string, failed: FailedScan): ScanRun['collectionErrors'] {
  const scopes = [...failed.regions, ...(failed.includeGlobal ? ['global'] : [])];
  return scopes.map((region) => ({ accountId, region, code: failed.code, message: failed.message.slice(0, 500), operation: 'pipeline:ScanTarget' }));
}

function existingSignatureValid(existing: Buffer, manifestBytes: Buffer, pem: string): boolean {
  try {
    const env = SignatureEnvelopeSchema.parse(JSON.parse(existing.toString('utf8')));
    return verifyManifestSignature(manifestBytes, Buffer.from(env.signature, 'base64'), pem);
  } catch {
    return false;
  }
}
