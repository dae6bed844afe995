import { CopyObjectCommand, CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsClientFactory } from '../../lib/aws/clients.js';
import { archivedEvidence, parseRestoreHeader, requestRestores } from '../../lib/evidence/archive.js';
import { S3EvidenceStore } from '../../lib/evidence/s3-evidence-store.js';
import { createSigningKey } from '../../lib/evidence/setup.js';
import { ACCOUNT, runInput } from './fixtures.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';

// Evidence that lifecycle rules moved to Glacier, emulated on moto: it reports StorageClass GLACIER in
// listings, refuses GET with InvalidObjectState, and answers RestoreObject with a readable copy.
const REGION = 'us-east-1';
const BUCKET = 'archive-test-evidence';
let moto: MotoServer;
let clients: AwsClientFactory;
let s3: S3Client;
let runKeys: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto);
  s3 = clients.get(S3Client, REGION);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const store = new S3EvidenceStore({ clients, region: REGION, bucket: BUCKET, signingKeyId: await createSigningKey(clients, REGION) });
  const written = await store.writeRunEvidence(runInput(1));
  await store.writeRunEvidence(runInput(5));
  runKeys = written.keys;
  // What a lifecycle transition does: same key, storage class GLACIER (a plain bucket here, so a copy may replace).
  for (const key of written.keys.filter((k) => k.includes('/raw/'))) {
    await s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: key, CopySource: `${BUCKET}/${key}`, StorageClass: 'GLACIER', MetadataDirective: 'COPY' }));
  }
});

afterAll(async () => {
  clients?.destroy();
  await moto?.stop();
});

describe('archived evidence', () => {
  it('lists exactly the archived objects of the selected runs (by date), each needing a restore', async () => {
    const archived = await archivedEvidence(s3, BUCKET, { from: '2025-03-01', to: '2025-03-03' }, undefined);
    expect(archived.map((a) => a.key).sort()).toEqual(runKeys.filter((k) => k.includes('/raw/')).sort());
    expect(archived.every((a) => a.storageClass === 'GLACIER' && a.restore === 'needed')).toBe(true);
    // The other run (2025-03-06) is outside the range and not archived.
    expect(await archivedEvidence(s3, BUCKET, { from: '2025-03-05', to: '2025-03-07' }, ACCOUNT)).toEqual([]);
  });

  it('requests the restores, after which nothing of the selection needs one', async () => {
    const archived = await archivedEvidence(s3, BUCKET, { runIds: [runInput(1).run.id] }, ACCOUNT);
    expect(archived.length).toBeGreaterThan(0);
    expect(await requestRestores(s3, BUCKET, archived, { days: 2, tier: 'Standard' })).toBe(archived.length);
    expect(await archivedEvidence(s3, BUCKET, { runIds: [runInput(1).run.id] }, ACCOUNT)).toEqual([]);
  });

  it('reads the x-amz-restore header', () => {
    expect(parseRestoreHeader(undefined)).toEqual({ state: 'needed' });
    expect(parseRestoreHeader('ongoing-request="true"')).toEqual({ state: 'in-progress' });
    expect(parseRestoreHeader('ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"')).toEqual({ state: 'restored', until: '2012-12-21T00:00:00.000Z' });
  });
});
