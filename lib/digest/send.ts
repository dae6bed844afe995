import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { ExpectedError } from '../model/errors.js';
import { DigestAlreadySentError, type DigestLedger } from './ledger.js';
import { buildRawMessage } from './mime.js';
import type { RenderedDigest } from './render.js';

export interface SendDigestOptions {
  ses: SESv2Client;
  from: string;
  to: readonly string[];
  cc?: readonly string[];
  configurationSetName?: string;
  ledger: DigestLedger;
  /** One per organization and period, e.g. from `digestIdempotencyKey()`. */
  idempotencyKey: string;
  /** Our own attempts on throttling, on top of the SDK client's retries. Default 3. */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
}

export type SendDigestResult =
  | { status: 'SENT'; messageId: string; recipients: string[] }
  | { status: 'SKIPPED'; reason: 'ALREADY_SENT'; idempotencyKey: string };

/** Sending failed after retries. `code` is the SES error name; `cause` the original error. */
export class DigestSendError extends ExpectedError {
  constructor(
    message: string,
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'DigestSendError';
  }
}

/** The mail went out but could not be recorded: the caller must not resend blindly. */
export class DigestLedgerError extends ExpectedError {
  constructor(
    message: string,
    readonly messageId: string,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'DigestLedgerError';
  }
}

// Deliberately strict: plain addr-spec only (no display names), which is what SES Destination takes
// unencoded and what a typo in a CLI flag or config file most often breaks.
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
/** SES rejects a message with more than 50 recipients in total. */
export const MAX_RECIPIENTS = 50;

export function isValidEmailAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value);
}

/** A sender or recipient address that SES would refuse; raised before anything is sent. */
export class DigestAddressError extends ExpectedError {
  constructor(message: string) {
    super(message);
    this.name = 'DigestAddressError';
  }
}

/** Throws DigestAddressError for configuration mistakes, before anything is sent. */
export function validateAddresses(options: Pick<SendDigestOptions, 'from' | 'to' | 'cc'>): void {
  if (!options.from) throw new DigestAddressError('No sender: give an SES-verified sender address (CLI --from, pipeline senderEmail).');
  if (!isValidEmailAddress(options.from)) throw new DigestAddressError(`Sender address "${options.from}" is not a valid email address.`);
  if (options.to.length === 0) throw new DigestAddressError('No recipient: give at least one recipient address (CLI --to, pipeline officerEmails).');
  const all = [...options.to, ...(options.cc ?? [])];
  const invalid = all.filter((a) => !isValidEmailAddress(a));
  if (invalid.length > 0) throw new DigestAddressError(`Invalid recipient address${invalid.length > 1 ? 'es' : ''}: ${invalid.map((a) => `"${a}"`).join(', ')}.`);
  if (new Set(all.map((a) => a.toLowerCase())).size > MAX_RECIPIENTS) throw new DigestAddressError(`Too many recipients: SES allows at most ${MAX_RECIPIENTS} per message.`);
}

const THROTTLING = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'ThrottledException']);

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : 'UnknownError';
}

function isThrottling(err: unknown): boolean {
  const retryable = (err as { $retryable?: { throttling?: boolean } } | null)?.$retryable;
  return THROTTLING.has(errorName(err)) || retryable?.throttling === true;
}

/** Turns SES's error into something the officer's admin can act on without reading SES docs. */
export function describeSendError(err: unknown, context: { from: string; region: string; configurationSetName?: string }): string {
  const name = errorName(err);
  const message = err instanceof Error ? err.message : String(err);
  const verify = `Verify the sender identity "${context.from}" (or its domain) in Amazon SES in ${context.region} (SES console > Identities, or \`aws sesv2 create-email-identity --email-identity ${context.from}\`). While the account is in the SES sandbox every recipient must be verified too.`;
  if (name === 'MailFromDomainNotVerifiedException') return `SES rejected the message: the MAIL FROM domain for "${context.from}" is not verified. ${verify}`;
  if (name === 'MessageRejected' && /not verified|verify/i.test(message)) return `SES rejected the message because an address is not verified (${message}). ${verify}`;
  if (/email address is not verified/i.test(message)) return `SES rejected the message because an address is not verified (${message}). ${verify}`;
  if (name === 'MessageRejected') return `SES rejected the message: ${message}`;
  if (name === 'NotFoundException' && context.configurationSetName) return `SES could not find configuration set "${context.configurationSetName}" in ${context.region}: ${message}`;
  if (name === 'AccountSuspendedException' || name === 'SendingPausedException') return `SES sending is paused or suspended for this account in ${context.region}: ${message}`;
  if (isThrottling(err)) return `SES kept throttling the request after retries: ${message}`;
  return `Sending the digest through SES failed (${name}): ${message}`;
}

async function regionOf(ses: SESv2Client): Promise<string> {
  try {
    return await ses.config.region();
  } catch {
    return 'the configured region';
  }
}

/**
 * Sends once per idempotency key: checks the ledger, sends, records. A concurrent second sender
 * could still slip between check and record; the scheduled job runs one at a time, and the ledger's
 * conditional write then reports the duplicate instead of hiding it.
 */
export async function sendDigest(digest: RenderedDigest, options: SendDigestOptions): Promise<SendDigestResult> {
  validateAddresses(options);
  if (await options.ledger.hasSent(options.idempotencyKey)) {
    return { status: 'SKIPPED', reason: 'ALREADY_SENT', idempotencyKey: options.idempotencyKey };
  }
  const to = [...new Set(options.to)];
  const cc = [...new Set(options.cc ?? [])].filter((a) => !to.includes(a));
  const command = new SendEmailCommand({
    FromEmailAddress: options.from,
    Destination: { ToAddresses: to, ...(cc.length > 0 ? { CcAddresses: cc } : {}) },
    // Inline images (the trend chart) need a multipart/related MIME message: SES's Simple content cannot carry them.
    Content:
      digest.inlineImages && digest.inlineImages.length > 0
        ? { Raw: { Data: buildRawMessage({ from: options.from, to, cc, subject: digest.subject, html: digest.html, text: digest.text, images: digest.inlineImages }) } }
        : {
            Simple: {
              Subject: { Data: digest.subject, Charset: 'UTF-8' },
              Body: { Html: { Data: digest.html, Charset: 'UTF-8' }, Text: { Data: digest.text, Charset: 'UTF-8' } },
            },
          },
    ...(options.configurationSetName ? { ConfigurationSetName: options.configurationSetName } : {}),
  });

  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let messageId: string | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      const out = await options.ses.send(command);
      messageId = out.MessageId ?? '';
      break;
    } catch (err) {
      // The SDK already retried with backoff; a sustained throttle gets a few slower attempts more.
      if (isThrottling(err) && attempt < maxAttempts) {
        const base = (options.baseDelayMs ?? 1_000) * 2 ** (attempt - 1);
        await sleep(base + Math.floor(Math.random() * base));
        continue;
      }
      const region = await regionOf(options.ses);
      throw new DigestSendError(
        describeSendError(err, { from: options.from, region, ...(options.configurationSetName ? { configurationSetName: options.configurationSetName } : {}) }),
        errorName(err),
        { cause: err },
      );
    }
  }

  try {
    await options.ledger.markSent(options.idempotencyKey, messageId);
  } catch (err) {
    const why = err instanceof DigestAlreadySentError ? 'another sender recorded the same digest at the same time (a duplicate may have been sent)' : `the ledger write failed: ${err instanceof Error ? err.message : String(err)}`;
    throw new DigestLedgerError(`The digest was sent (SES MessageId ${messageId}) but ${why}. Do not resend it.`, messageId, { cause: err });
  }
  return { status: 'SENT', messageId, recipients: [...to, ...cc] };
}
