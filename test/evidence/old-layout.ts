import { gzipSync } from 'node:zlib';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { canonicalJson } from '../../lib/evidence/canonical-json.js';
import { gzipDeterministic } from '../../lib/evidence/findings-file.js';
import { sha256Hex } from '../../lib/evidence/hashing.js';
import { chainKey, MANIFEST_FILE, PUBLIC_KEY_FILE, runPrefix, safeSegment, SIGNATURE_FILE } from '../../lib/evidence/layout.js';
import { MANIFEST_KIND, SIGNATURE_KIND, SIGNING_ALGORITHM, type Manifest, type ManifestEntry } from '../../lib/evidence/manifest.js';
import { putImmutable } from '../../lib/evidence/s3-objects.js';
import { fetchPublicKey, signManifest } from '../../lib/evidence/signing.js';
import type { RunEvidenceInput } from '../../lib/evidence/types.js';
import { findingsToCsv } from '../../lib/report/csv.js';

/**
 * Seals a run the way versions before one-object-per-scan did, written out here on purpose (no production
 * code writes it any more): one raw object per service/region/operation at
 * `raw/<service>/<region>/<operation>.json.gz`, gzip of canonical `{ service, region, operation, records }`,
 * its manifest entry naming service, region, operation and records. The account's first run (no previous link).
 */
export async function sealOldLayoutRun(
  clients: AwsClientFactory,
  options: { region: string; bucket: string; signingKeyId: string },
  { run, findings, evidence, accountId }: RunEvidenceInput,
): Promise<{ manifest: Manifest; manifestKey: string; rawPaths: string[] }> {
  const s3 = clients.get(S3Client, options.region);
  const kms = clients.get(KMSClient, options.region);
  const prefix = runPrefix(accountId, run.id);
  const put = async (path: string, body: Buffer, contentType: string, gzip: boolean): Promise<void> => {
    await putImmutable(s3, options.bucket, { key: prefix + path, body, contentType, ...(gzip ? { contentEncoding: 'gzip' } : {}) });
  };

  const entries: ManifestEntry[] = [];
  const groups = new Map<string, RunEvidenceInput['evidence'][number][]>();
  for (const record of evidence) {
    const path = `raw/${safeSegment(record.service)}/${safeSegment(record.region)}/${safeSegment(record.operation)}.json.gz`;
    groups.set(path, [...(groups.get(path) ?? []), record]);
  }
  for (const [path, records] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const { service, region, operation } = records[0]!;
    const body = gzipSync(canonicalJson({ service, region, operation, records: records.map((r) => ({ target: r.target, collectedAt: r.collectedAt, response: r.response })) }));
    await put(path, body, 'application/json', true);
    entries.push({
      path, sha256: sha256Hex(body), size: body.length, contentType: 'application/json', contentEncoding: 'gzip', kind: 'raw-evidence',
      description: `Raw ${service} ${operation} responses in ${region} (${records.length} page(s)/call(s))`, service, region, operation, records: records.length,
    });
  }
  const json = gzipDeterministic(Buffer.from(canonicalJson(findings)));
  const csv = gzipDeterministic(Buffer.from(findingsToCsv(findings)));
  await put('findings.json.gz', json, 'application/json', true);
  await put('findings.csv.gz', csv, 'text/csv; charset=utf-8', true);
  entries.push(
    { path: 'findings.json.gz', sha256: sha256Hex(json), size: json.length, contentType: 'application/json', contentEncoding: 'gzip', kind: 'findings-json', description: 'findings' },
    { path: 'findings.csv.gz', sha256: sha256Hex(csv), size: csv.length, contentType: 'text/csv; charset=utf-8', contentEncoding: 'gzip', kind: 'findings-csv', description: 'findings as CSV' },
  );

  const publicKey = await fetchPublicKey(kms, options.signingKeyId);
  await put(PUBLIC_KEY_FILE, Buffer.from(publicKey.pem), 'application/x-pem-file', false);
  const manifest: Manifest = {
    kind: MANIFEST_KIND, schemaVersion: 1, accountId, runId: run.id, startedAt: run.startedAt, run, previousManifest: null,
    signing: { keyId: publicKey.keyId, signingAlgorithm: SIGNING_ALGORITHM, publicKeySha256: publicKey.sha256 },
    entries,
  };
  const manifestBytes = Buffer.from(canonicalJson(manifest));
  await put(MANIFEST_FILE, manifestBytes, 'application/json', false);
  const sig = await signManifest(kms, options.signingKeyId, manifestBytes, publicKey);
  await put(SIGNATURE_FILE, Buffer.from(canonicalJson({
    kind: SIGNATURE_KIND, keyId: sig.keyId, signingAlgorithm: SIGNING_ALGORITHM, messageType: sig.messageType,
    manifestSha256: sha256Hex(manifestBytes), signature: sig.signature.toString('base64'),
  })), 'application/json', false);
  const manifestKey = prefix + MANIFEST_FILE;
  await putImmutable(s3, options.bucket, {
    key: chainKey(accountId, run.startedAt, run.id),
    body: Buffer.from(canonicalJson({ accountId, runId: run.id, startedAt: run.startedAt, manifestKey, manifestSha256: sha256Hex(manifestBytes) })),
    contentType: 'application/json',
  });
  return { manifest, manifestKey, rawPaths: entries.filter((e) => e.kind === 'raw-evidence').map((e) => e.path) };
}
