import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { buildDigestInput } from '../digest/build-input.js';
import { DigestPostureSchema } from '../digest/input.js';
import { digestIdempotencyKey, DynamoDbDigestLedger } from '../digest/ledger.js';
import { renderDigestEmail } from '../digest/render-email.js';
import { sendDigest } from '../digest/send.js';
import { buildBundle } from '../evidence/bundle.js';
import { uploadBundle } from '../evidence/presign.js';
import { archiveDigest, latestArchivedPosture } from '../evidence/digest-archive.js';
import { bundleKey, DIGEST_ROOT } from '../evidence/layout.js';
import { BundleRequestError } from '../evidence/selection.js';
import type { AwsClientFactory } from '../aws/clients.js';
import type { PipelineEnv } from './env.js';
import { pipelineStores } from './stores.js';
import { pipelineClients } from './target-clients.js';

const DAY_MS = 86_400_000;
/** Sent digests are kept with the evidence: proof of ongoing activity review (164.308(a)(1)(ii)(D)). */
export const DIGEST_PREFIX = DIGEST_ROOT;

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
    const archived = await latestArchivedPosture(clients.get(S3Client, env.AWS_REGION), env.EVIDENCE_BUCKET, period.to);
    const previousPosture = archived === undefined ? undefined : DigestPostureSchema.parse(archived);
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
      await archiveDigest(clients.get(S3Client, env.AWS_REGION), env.EVIDENCE_BUCKET, period.to, { ...digest, postureJson: JSON.stringify(digestInput.posture) });
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
      key: bundleKey(`${period.from.slice(0, 10)}_${period.to.slice(0, 10)}`),
      filePath: file, expiresIn: expiresInSeconds,
    });
    return { url: uploaded.url, expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString() };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
