import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3EvidenceStore } from '../../lib/evidence/s3-evidence-store.js';
import { getObjectBytes } from '../../lib/evidence/s3-objects.js';
import { loadPipelineEnv, type PipelineEnv } from '../../lib/pipeline/env.js';
import { sendScheduledDigest } from '../../lib/pipeline/send-digest.js';
import { localPipelineEnv, provisionPipelineResources, type LocalPipelineResources } from '../../scripts/demo/provision.js';
import { readSentEmails, type SentEmail } from '../../scripts/demo/sent-mail.js';
import { runInput } from '../evidence/fixtures.js';
import { motoClients, startMoto, type MotoServer } from '../support/moto.js';

// The weekly digest against moto with a sealed run in the period: the bundle goes to the bundles bucket,
// and a bundle that cannot be built (a bundles bucket that does not exist, a bundle over the size limit)
// never stops the email, which says what is missing, why, and the command that builds it. moto keeps
// only the HTML of a simple (non-raw) message, so the text part is checked as rendered for sending.
const REGION = 'us-east-1';
let moto: MotoServer;
let resources: LocalPipelineResources;

beforeAll(async () => {
  moto = await startMoto();
  const clients = motoClients(moto);
  try {
    resources = await provisionPipelineResources(clients, REGION, { senderEmail: 'audit@clinic.example' });
    const store = new S3EvidenceStore({ clients, region: REGION, bucket: resources.evidenceBucket, signingKeyId: resources.signingKeyId });
    await store.writeRunEvidence(runInput(1)); // started 2025-03-02T06:00Z
  } finally {
    clients.destroy();
  }
});

afterAll(async () => {
  delete process.env.AWS_CREDENTIAL_EXPIRATION;
  await moto?.stop();
});

function env(overrides: Record<string, string> = {}): PipelineEnv {
  return loadPipelineEnv({
    ...localPipelineEnv({
      resources, region: REGION, auditEndpoint: moto.url, targetEndpoint: moto.url, targetAccounts: ['123456789012'],
      officerEmails: ['officer@clinic.example'], organizationName: 'Bundle Test Clinic',
    }),
    ...overrides,
  });
}

async function mailWithSubject(subject: string): Promise<SentEmail | undefined> {
  return (await readSentEmails(moto.url)).find((m) => m.subject === subject);
}

async function bundleKeys(bucket: string): Promise<string[]> {
  const clients = motoClients(moto);
  try {
    const out = await clients.get(S3Client, REGION).send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'bundles/' }));
    return (out.Contents ?? []).map((o) => o.Key ?? '');
  } finally {
    clients.destroy();
  }
}

describe('SendDigest and the period bundle', () => {
  it('sends the digest when the bundles bucket does not exist, saying the bundle is missing, why, and how to build it', async () => {
    const outcome = await sendScheduledDigest(env({ BUNDLE_BUCKET: 'no-such-bundles-bucket' }), { now: '2025-03-08T08:00:00.000Z' });
    expect(outcome.sent).toBe(true);
    expect(outcome.bundleError).toMatch(/^NoSuchBucket: /);
    const mail = await mailWithSubject(outcome.subject);
    const command = `hipaa-audit bundle --from 2025-03-01 --to 2025-03-08 --evidence-bucket ${resources.evidenceBucket} --region ${REGION} --output hipaa-audit-evidence-2025-03-01_2025-03-08.zip`;
    expect(mail?.html).toContain('The evidence bundle for this period is missing: NoSuchBucket: ');
    expect(mail?.html).toContain(command);
    expect(outcome.text).toContain('The evidence bundle for this period is missing: NoSuchBucket: ');
    expect(outcome.text).toContain(command);
    // One line, no stack.
    expect(outcome.text).not.toMatch(/\n\s+at /);
  });

  it('sends the digest when the bundle is over the size limit', async () => {
    const outcome = await sendScheduledDigest(env({ BUNDLE_MAX_BYTES: '2000' }), { now: '2025-03-09T08:00:00.000Z' });
    expect(outcome.sent).toBe(true);
    expect(outcome.bundleError).toMatch(/^BundleTooLargeError: the bundle is larger than/);
    expect((await mailWithSubject(outcome.subject))?.html).toContain('--from 2025-03-02 --to 2025-03-09');
    expect(await bundleKeys(resources.bundleBucket)).toEqual([]);
  });

  it('uploads the bundle to the bundles bucket (not the locked evidence bucket), states the real link expiry and the signing key fingerprint', async () => {
    // The signing credentials expire in 5 hours, before the configured 7 days: the link dies with them.
    const credentialsExpire = new Date(Date.now() + 5 * 3_600_000);
    process.env.AWS_CREDENTIAL_EXPIRATION = credentialsExpire.toISOString();
    try {
      const outcome = await sendScheduledDigest(env(), { now: '2025-03-10T08:00:00.000Z', periodDays: 9 });
      expect(outcome.sent).toBe(true);
      expect(outcome.bundleError).toBeUndefined();
      expect(outcome.bundleUrl).toContain(`/${resources.bundleBucket}/bundles/`);
      expect(await bundleKeys(resources.bundleBucket)).toHaveLength(1);
      expect(await bundleKeys(resources.evidenceBucket)).toEqual([]);
      const mail = await mailWithSubject(outcome.subject);
      const at = `${credentialsExpire.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      expect(mail?.html).toContain(`The link expires ${at}, when the credentials that signed it expire`);
      expect(outcome.text).toContain(`The link expires ${at}, when the credentials that signed it expire`);
      expect(resources.signingKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(mail?.html).toContain(`--trusted-key-fingerprint ${resources.signingKeyFingerprint}`);
      expect(outcome.text).toContain(`SHA-256 fingerprint ${resources.signingKeyFingerprint}`);
    } finally {
      delete process.env.AWS_CREDENTIAL_EXPIRATION;
    }
  });

  it('states the configured expiry when the credentials outlive it', async () => {
    const outcome = await sendScheduledDigest(env({ BUNDLE_LINK_EXPIRY_DAYS: '1' }), { now: '2025-03-11T08:00:00.000Z', periodDays: 10 });
    expect(outcome.sent).toBe(true);
    expect(outcome.html).toMatch(/The link expires \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\. /);
  });

  it('sends the digest when the period\'s evidence was archived to Glacier, with the command that restores and builds it', async () => {
    const clients = motoClients(moto);
    try {
      const store = new S3EvidenceStore({ clients, region: REGION, bucket: resources.evidenceBucket, signingKeyId: resources.signingKeyId });
      const written = await store.writeRunEvidence(runInput(7)); // started 2025-03-08T06:00Z
      const s3 = clients.get(S3Client, REGION);
      // What a lifecycle transition leaves: the current version in GLACIER (GET answers InvalidObjectState).
      for (const key of written.keys.filter((k) => k.endsWith('/raw.json.gz'))) {
        const body = await getObjectBytes(s3, resources.evidenceBucket, key);
        await s3.send(new PutObjectCommand({ Bucket: resources.evidenceBucket, Key: key, Body: body, StorageClass: 'GLACIER', ChecksumAlgorithm: 'SHA256' }));
      }
    } finally {
      clients.destroy();
    }
    const outcome = await sendScheduledDigest(env(), { now: '2025-03-12T08:00:00.000Z', periodDays: 4 });
    expect(outcome.sent).toBe(true);
    expect(outcome.bundleError).toBe('evidence of this period is archived (Glacier / Deep Archive) and must be restored first.');
    const mail = await mailWithSubject(outcome.subject);
    expect(mail?.html).toContain(`hipaa-audit bundle --from 2025-03-08 --to 2025-03-12 --evidence-bucket ${resources.evidenceBucket} --region ${REGION} --output hipaa-audit-evidence-2025-03-08_2025-03-12.zip --restore`);
  });

  it('builds no bundle for a period whose digest the ledger says was sent', async () => {
    const before = await bundleKeys(resources.bundleBucket);
    const again = await sendScheduledDigest(env(), { now: '2025-03-10T08:00:00.000Z', periodDays: 9 });
    expect(again.sent).toBe(false);
    expect(await bundleKeys(resources.bundleBucket)).toEqual(before);
  });
});
