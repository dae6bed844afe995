import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsClientFactory } from '../aws/clients.js';
import { canonicalJson } from './canonical-json.js';
import { findPreviousChainKey, readChainEntry, type ListOptions } from './chain.js';
import { findingsToCsv } from '../report/csv.js';
import { sha256Hex } from './hashing.js';
import {
  chainKey, FINDINGS_CSV_FILE, FINDINGS_JSON_FILE, MANIFEST_FILE, PUBLIC_KEY_FILE, runPrefix, SIGNATURE_FILE,
} from './layout.js';
import {
  MANIFEST_KIND, SIGNATURE_KIND, SIGNING_ALGORITHM, SignatureEnvelopeSchema,
  type ChainIndexEntry, type Manifest, type ManifestEntry, type PreviousManifest, type SignatureEnvelope,
} from './manifest.js';
import { groupRawEvidence } from './raw-groups.js';
import { getObjectBytes, putImmutable } from './s3-objects.js';
import { fetchPublicKey, signManifest, verifyManifestSignature } from './signing.js';
import type { EvidenceStore, RunEvidenceInput, WrittenRunEvidence } from './types.js';

export interface S3EvidenceStoreOptions extends ListOptions {
  clients: AwsClientFactory;
  region: string;
  bucket: string;
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
 */
export class S3EvidenceStore implements EvidenceStore {
  private readonly s3: S3Client;
  private readonly kms: KMSClient;

  constructor(private readonly options: S3EvidenceStoreOptions) {
    this.s3 = options.clients.get(S3Client, options.region);
    this.kms = options.clients.get(KMSClient, options.region);
  }

  async writeRunEvidence({ run, findings, evidence, accountId }: RunEvidenceInput): Promise<WrittenRunEvidence> {
    const { bucket } = this.options;
    const prefix = runPrefix(accountId, run.id);
    const pending: PendingObject[] = [
      ...groupRawEvidence(evidence).map((g) => ({
        entry: {
          path: g.path, kind: 'raw-evidence' as const, contentType: 'application/json', contentEncoding: 'gzip',
          description: `Raw ${g.service} ${g.operation} responses in ${g.region} (${g.records} page(s)/call(s))`,
          service: g.service, region: g.region, operation: g.operation, records: g.records,
        },
        body: g.body,
      })),
      {
        entry: { path: FINDINGS_JSON_FILE, kind: 'findings-json', contentType: 'application/json', description: `All ${findings.length} findings of the run` },
        body: Buffer.from(canonicalJson(findings)),
      },
      {
        entry: { path: FINDINGS_CSV_FILE, kind: 'findings-csv', contentType: 'text/csv; charset=utf-8', description: 'The same findings as CSV' },
        body: Buffer.from(findingsToCsv(findings)),
      },
    ];

    const keys: string[] = [];
    const entries: ManifestEntry[] = [];
    for (const { entry, body } of pending) {
      const key = prefix + entry.path;
      await putImmutable(this.s3, bucket, {
        key, body, contentType: entry.contentType, ...(entry.contentEncoding ? { contentEncoding: entry.contentEncoding } : {}),
      });
      keys.push(key);
      entries.push({ ...entry, sha256: sha256Hex(body), size: body.length });
    }

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

function existingSignatureValid(existing: Buffer, manifestBytes: Buffer, pem: string): boolean {
  try {
    const env = SignatureEnvelopeSchema.parse(JSON.parse(existing.toString('utf8')));
    return verifyManifestSignature(manifestBytes, Buffer.from(env.signature, 'base64'), pem);
  } catch {
    return false;
  }
}
