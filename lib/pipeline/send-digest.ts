import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { buildDigestInput } from '../digest/build-input.js';
import { DigestPostureSchema, type DigestPosture } from '../digest/input.js';
import { digestIdempotencyKey, DynamoDbDigestLedger } from '../digest/ledger.js';
import { renderDigestEmail } from '../digest/render-email.js';
import { sendDigest } from '../digest/send.js';
import { buildBundle } from '../evidence/bundle.js';
import { uploadBundle } from '../evidence/presign.js';
import { getObjectBytes } from '../evidence/s3-objects.js';
import { BundleRequestError } from '../evidence/selection.js';
import type { AwsClientFactory } from '../aws/clients.js';
import type { PipelineEnv } from './env.js';
import { pipelineStores } from './stores.js';
import { pipelineClients } from './target-clients.js';

const DAY_MS = 86_400_000;
/** Sent digests are kept with the evidence: proof of ongoing activity review (164.308(a)(1)(ii)(D)). */
export const DIGEST_PREFIX = 'digests/';

export interface DigestOutcome {
  sent: boolean;
  messageId?: string;
  subject: string;
  html: string;
  text: string;
  bundleUrl?: string;
}

/**
 * The weekly digest: posture from the findings store, an evidence bundle for the period with a
 * presigned link, sent once per period through SES, and archived next to the evidence.
 */
export async function sendScheduledDigest(
  env: PipelineEnv,
  input: { now?: string; periodDays?: number; from?: string },
): Promise<DigestOutcome> {
  const now = input.now ? new Date(input.now) : new Date();
  const from = input.from ?? new Date(now.getTime() - (input.periodDays ?? 7) * DAY_MS).toISOString();
  const period = { from, to: now.toISOString() };
  const clients = pipelineClients(env);
  try {
    const stores = pipelineStores(env, clients);
    const bundle = await bundleForPeriod(env, clients, period);
    const previousPosture = await latestPosture(clients.get(S3Client, env.AWS_REGION), env.EVIDENCE_BUCKET, period.to);
    const digestInput = await buildDigestInput({
      findings: stores.findings,
      suppressions: stores.suppressions,
      period,
      now,
      organizationName: env.ORGANIZATION_NAME,
      officerEmails: env.OFFICER_EMAILS,
      ...(previousPosture ? { previousPosture } : {}),
      ...(bundle ? { bundleLink: bundle } : {}),
    });
    const digest = await renderDigestEmail(digestInput);
    const result = await sendDigest(digest, {
      ses: clients.get(SESv2Client, env.AWS_REGION),
      from: env.SENDER_EMAIL,
      to: env.OFFICER_EMAILS,
      ledger: new DynamoDbDigestLedger({ client: clients.get(DynamoDBClient, env.AWS_REGION), tableName: env.TABLE_NAME }),
      idempotencyKey: digestIdempotencyKey(env.ORGANIZATION_NAME, period),
    });
    if (result.status === 'SENT') {
      await archiveDigest(clients.get(S3Client, env.AWS_REGION), env.EVIDENCE_BUCKET, period.to, digest, digestInput.posture);
    }
    return {
      sent: result.status === 'SENT',
      ...(result.status === 'SENT' ? { messageId: result.messageId } : {}),
      subject: digest.subject,
      html: digest.html,
      text: digest.text,
      ...(bundle ? { bundleUrl: bundle.url } : {}),
    };
  } finally {
    clients.destroy();
  }
}

async function bundleForPeriod(
  env: PipelineEnv,
  clients: AwsClientFactory,
  period: { from: string; to: string },
): Promise<{ url: string; expiresAt: string } | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'hipaa-audit-bundle-'));
  const file = join(dir, 'bundle.zip');
  try {
    const output = createWriteStream(file);
    try {
      await buildBundle({
        clients, region: env.AWS_REGION, bucket: env.EVIDENCE_BUCKET, output,
        from: period.from.slice(0, 10), to: period.to.slice(0, 10),
      });
      await finished(output);
    } catch (err) {
      output.destroy();
      // No runs in the period: the digest says so; there is simply no bundle to link.
      if (err instanceof BundleRequestError) return undefined;
      throw err;
    }
    const expiresInSeconds = env.BUNDLE_LINK_EXPIRY_DAYS * 86_400;
    const uploaded = await uploadBundle({
      clients, region: env.AWS_REGION, bucket: env.EVIDENCE_BUCKET,
      key: `bundles/${period.from.slice(0, 10)}_${period.to.slice(0, 10)}_${Date.now()}.zip`,
      filePath: file, expiresIn: expiresInSeconds,
    });
    return { url: uploaded.url, expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString() };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function latestPosture(s3: S3Client, bucket: string, before: string): Promise<DigestPosture | undefined> {
  let latest: string | undefined;
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: DIGEST_PREFIX, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      const key = object.Key ?? '';
      if (key.endsWith('/posture.json') && key < `${DIGEST_PREFIX}${before}` && (!latest || key > latest)) latest = key;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  if (!latest) return undefined;
  return DigestPostureSchema.parse(JSON.parse((await getObjectBytes(s3, bucket, latest)).toString('utf8')));
}

async function archiveDigest(
  s3: S3Client,
  bucket: string,
  periodEnd: string,
  digest: { subject: string; html: string; text: string; inlineImages?: { filename: string; data: Uint8Array; contentType: string }[] },
  posture: DigestPosture,
): Promise<void> {
  const prefix = `${DIGEST_PREFIX}${periodEnd}/`;
  const objects: [string, string | Uint8Array, string][] = [
    ['digest.html', digest.html, 'text/html; charset=utf-8'],
    ['digest.txt', `${digest.subject}\n\n${digest.text}`, 'text/plain; charset=utf-8'],
    ['posture.json', JSON.stringify(posture), 'application/json'],
  ];
  // The chart the HTML shows as cid:, kept next to it so the archived digest is complete.
  for (const image of digest.inlineImages ?? []) objects.push([image.filename, image.data, image.contentType]);
  for (const [name, body, contentType] of objects) {
    await s3.send(new PutObjectCommand({
      Bucket: bucket, Key: prefix + name, Body: body, ContentType: contentType, ChecksumAlgorithm: 'SHA256', IfNoneMatch: '*',
    }));
  }
}
