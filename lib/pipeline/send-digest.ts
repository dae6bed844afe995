import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { buildDigestInput } from '../digest/build-input.js';
import { DigestPostureSchema } from '../digest/input.js';
import { digestIdempotencyKey, DynamoDbDigestLedger } from '../digest/ledger.js';
import { renderDigestEmail } from '../digest/render-email.js';
import { sendDigest } from '../digest/send.js';
import { buildBundle } from '../evidence/bundle.js';
import { uploadBundle, type LinkExpiry } from '../evidence/presign.js';
import { archiveDigest, latestArchivedPosture } from '../evidence/digest-archive.js';
import { bundleKey, DIGEST_ROOT } from '../evidence/layout.js';
import { BundleRequestError } from '../evidence/selection.js';
import { ExpectedError } from '../model/errors.js';
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
  /** Why the period's bundle could not be built (the digest was sent without it and says so). */
  bundleError?: string;
}

/** The staged bundle passed the size the digest may build; the CLI builds any size. */
export class BundleTooLargeError extends ExpectedError {
  constructor(maxBytes: number) {
    super(`the bundle is larger than the ${Math.round(maxBytes / 1024 / 1024)} MiB the digest function may stage; build it with the CLI.`);
    this.name = 'BundleTooLargeError';
  }
}

type PeriodBundle =
  | { kind: 'linked'; link: { url: string; expiresAt: string; expiryLimitedBy: LinkExpiry['limitedBy'] } }
  | { kind: 'missing'; reason: string; command: string }
  | { kind: 'none' };

/**
 * The weekly digest: posture from the findings store, an evidence bundle for the period with a
 * presigned link, sent once per period through SES, and archived next to the evidence. The bundle is
 * built only when the ledger says this period's digest has not gone out, and a bundle that cannot be
 * built never stops the digest: the email says it is missing, why, and the command that builds it.
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
    const ledger = new DynamoDbDigestLedger({ client: clients.get(DynamoDBClient, env.AWS_REGION), tableName: env.TABLE_NAME });
    const idempotencyKey = digestIdempotencyKey(env.ORGANIZATION_NAME, period);
    // A re-delivered schedule event must not build (and store) another copy of the bundle.
    const bundle: PeriodBundle = (await ledger.hasSent(idempotencyKey)) ? { kind: 'none' } : await bundleForPeriod(env, clients, period);
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
      ...(bundle.kind === 'linked' ? { bundleLink: bundle.link } : {}),
      ...(bundle.kind === 'missing' ? { bundleMissing: { reason: bundle.reason, command: bundle.command } } : {}),
      ...(env.SIGNING_KEY_FINGERPRINT ? { signingKeyFingerprint: env.SIGNING_KEY_FINGERPRINT } : {}),
    });
    const digest = await renderDigestEmail(digestInput);
    const result = await sendDigest(digest, {
      ses: clients.get(SESv2Client, env.AWS_REGION),
      from: env.SENDER_EMAIL,
      to: env.OFFICER_EMAILS,
      ledger,
      idempotencyKey,
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
      ...(bundle.kind === 'linked' ? { bundleUrl: bundle.link.url } : {}),
      ...(bundle.kind === 'missing' ? { bundleError: bundle.reason } : {}),
    };
  } finally {
    clients.destroy();
  }
}

/** The CLI command that builds (and, for archived evidence, first restores) this period's bundle. */
export function bundleCommand(env: Pick<PipelineEnv, 'EVIDENCE_BUCKET' | 'AWS_REGION'>, period: { from: string; to: string }, restore = false): string {
  const [from, to] = [period.from.slice(0, 10), period.to.slice(0, 10)];
  return `hipaa-audit bundle --from ${from} --to ${to} --evidence-bucket ${env.EVIDENCE_BUCKET} --region ${env.AWS_REGION} --output hipaa-audit-evidence-${from}_${to}.zip${restore ? ' --restore' : ''}`;
}

async function bundleForPeriod(env: PipelineEnv, clients: AwsClientFactory, period: { from: string; to: string }): Promise<PeriodBundle> {
  try {
    const link = await buildAndUpload(env, clients, period);
    return link ? { kind: 'linked', link } : { kind: 'none' };
  } catch (error) {
    const archived = error instanceof Error && error.name === 'InvalidObjectState';
    const reason = archived
      ? 'evidence of this period is archived (Glacier / Deep Archive) and must be restored first.'
      : oneLine(error);
    return { kind: 'missing', reason, command: bundleCommand(env, period, archived) };
  }
}

async function buildAndUpload(
  env: PipelineEnv,
  clients: AwsClientFactory,
  period: { from: string; to: string },
): Promise<{ url: string; expiresAt: string; expiryLimitedBy: LinkExpiry['limitedBy'] } | undefined> {
  if (!env.BUNDLE_BUCKET) throw new Error('no bundles bucket is configured (BUNDLE_BUCKET is not set).');
  const dir = await mkdtemp(join(tmpdir(), 'hipaa-audit-bundle-'));
  const file = join(dir, 'bundle.zip');
  try {
    // Counted on the way to /tmp, so an oversized bundle stops early instead of filling the disk.
    let bytes = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        if (bytes > env.BUNDLE_MAX_BYTES) callback(new BundleTooLargeError(env.BUNDLE_MAX_BYTES));
        else callback(null, chunk);
      },
    });
    const written = pipeline(limit, createWriteStream(file));
    try {
      await buildBundle({
        clients, region: env.AWS_REGION, bucket: env.EVIDENCE_BUCKET, output: limit,
        from: period.from.slice(0, 10), to: period.to.slice(0, 10),
      });
      await written;
    } catch (error) {
      limit.destroy();
      await written.catch(() => undefined);
      // No runs in the period: the digest says so; there is simply no bundle to link.
      if (error instanceof BundleRequestError) return undefined;
      throw error;
    }
    const uploaded = await uploadBundle({
      clients, region: env.AWS_REGION, bucket: env.BUNDLE_BUCKET,
      key: bundleKey(`${period.from.slice(0, 10)}_${period.to.slice(0, 10)}`),
      filePath: file, expiresIn: env.BUNDLE_LINK_EXPIRY_DAYS * 86_400,
    });
    return { url: uploaded.url, expiresAt: uploaded.expiresAt, expiryLimitedBy: uploaded.expiryLimitedBy };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One line for the email: the error's name and first line of message, never a stack. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  const first = text.split('\n')[0]?.trim() ?? '';
  return first.length > 300 ? `${first.slice(0, 297)}...` : first;
}
