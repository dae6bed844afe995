import { CreateBucketCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../../lib/aws/clients.js';
import { archiveDigest } from '../../lib/evidence/digest-archive.js';
import { S3EvidenceStore } from '../../lib/evidence/s3-evidence-store.js';
import { createEvidenceBucket, createSigningKey } from '../../lib/evidence/setup.js';
import { ACCOUNT, runInput } from './fixtures.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';

// The evidence bucket's policy denies PutObject without If-None-Match (test/infra/pipeline-stack.test.ts
// pins the statement; moto does not enforce bucket policies). This checks the other half against moto:
// every evidence write the pipeline makes (scan attempt, seal, single-process run, digest archive) is a
// single PutObject carrying If-None-Match: *, and moto refuses a second write to the same key with 412.
const REGION = 'us-east-1';
const BUCKET = 'create-only-evidence';
const WORK = 'create-only-work';
let moto: MotoServer;
let clients: AwsClientFactory;
const sent: { bucket: string; key: string; command: string; ifNoneMatch: string | undefined }[] = [];

beforeAll(async () => {
  moto = await startMoto();
  clients = motoClients(moto, {
    onClientCreated: (client) => {
      if (!(client instanceof S3Client)) return;
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const input = args.input as { Bucket?: string; Key?: string; IfNoneMatch?: string };
          if (/^(PutObject|CopyObject|CreateMultipartUpload|UploadPart|CompleteMultipartUpload)Command$/.test(context.commandName ?? '')) {
            sent.push({ bucket: input.Bucket ?? '', key: input.Key ?? '', command: context.commandName ?? '', ifNoneMatch: input.IfNoneMatch });
          }
          return next(args);
        },
        { step: 'initialize', name: 'recordEvidenceWrites' },
      );
    },
  });
  await createEvidenceBucket(clients, REGION, BUCKET, 6);
  await clients.get(S3Client, REGION).send(new CreateBucketCommand({ Bucket: WORK }));
});

afterAll(async () => {
  clients?.destroy();
  await moto?.stop();
});

describe('evidence writers', () => {
  it('send every evidence write as one PutObject with If-None-Match: *', async () => {
    const store = new S3EvidenceStore({ clients, region: REGION, bucket: BUCKET, workBucket: WORK, signingKeyId: await createSigningKey(clients, REGION) });
    const input = runInput(2);
    // The pipeline's two steps: one scan attempt, then the seal; and the CLI's single-process run.
    const { recordKey } = await store.storeScanAttempt({
      accountId: ACCOUNT, runId: 'run-attempts', unitId: 'us-east-1+global', attemptId: 'a1', includeGlobal: true,
      run: { ...input.run, id: 'run-attempts' }, findings: input.findings, evidence: input.evidence,
    });
    await store.sealAccountRun({ accountId: ACCOUNT, runId: 'run-attempts', startedAt: input.run.startedAt, recordKeys: [recordKey], failed: [] });
    await store.writeRunEvidence(runInput(3));
    await archiveDigest(clients.get(S3Client, REGION), BUCKET, '2025-03-10T08:00:00.000Z', { subject: 's', html: '<p>h</p>', text: 't', postureJson: '{}' });

    const evidenceWrites = sent.filter((w) => w.bucket === BUCKET);
    expect(evidenceWrites.length).toBeGreaterThan(10);
    expect(evidenceWrites.filter((w) => w.command !== 'PutObjectCommand' || w.ifNoneMatch !== '*')).toEqual([]);
    expect(evidenceWrites.some((w) => w.key.includes('/scans/'))).toBe(true);
    expect(evidenceWrites.some((w) => w.key.startsWith('digests/'))).toBe(true);
  });

  it('cannot put a new version over archived digest evidence: moto answers the header with 412', async () => {
    const again = archiveDigest(clients.get(S3Client, REGION), BUCKET, '2025-03-10T08:00:00.000Z', { subject: 's', html: '<p>other</p>', text: 't', postureJson: '{}' });
    await expect(again).rejects.toSatisfy((e) => e instanceof S3ServiceException && e.$metadata.httpStatusCode === 412);
  });
});
