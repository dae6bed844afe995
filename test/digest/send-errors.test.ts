import {
  MailFromDomainNotVerifiedException,
  MessageRejected,
  NotFoundException,
  SendEmailCommand,
  SESv2Client,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../lib/cli/errors.js';
import { registerDigestCommand } from '../../lib/cli/commands/digest.js';
import { parsePeriod } from '../../lib/cli/period.js';
import { InMemoryDigestLedger, type DigestLedger } from '../../lib/digest/ledger.js';
import { renderDigest } from '../../lib/digest/render.js';
import { DigestAddressError, DigestLedgerError, DigestSendError, sendDigest, validateAddresses } from '../../lib/digest/send.js';
import { ExpectedError } from '../../lib/model/errors.js';
import { sampleDigestInput } from './fixtures.js';

/*
 * aws-sdk-client-mock here because moto cannot produce these SES failures: it never throttles, has no
 * MAIL FROM domain verification, and ignores ConfigurationSetName. (moto's unverified-sender
 * MessageRejected is covered for real in send.test.ts.)
 */
const ses = new SESv2Client({ region: 'eu-west-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
const sesMock = mockClient(ses);
const digest = renderDigest(sampleDigestInput());
const meta = { $metadata: {} };

function options(ledger: DigestLedger = new InMemoryDigestLedger()) {
  return { ses, from: 'sender@acme.example', to: ['officer@acme.example'], ledger, idempotencyKey: 'k', sleep: async () => undefined };
}

afterEach(() => {
  sesMock.reset();
});

describe('SES error mapping', () => {
  it('tells the user to verify the MAIL FROM domain / sender identity', async () => {
    sesMock.on(SendEmailCommand).rejects(new MailFromDomainNotVerifiedException({ message: 'MAIL FROM domain not verified', ...meta }));
    const err = (await sendDigest(digest, options()).catch((e: unknown) => e)) as DigestSendError;
    expect(err).toBeInstanceOf(DigestSendError);
    expect(err.code).toBe('MailFromDomainNotVerifiedException');
    expect(err.message).toContain('MAIL FROM domain');
    expect(err.message).toContain('Verify the sender identity "sender@acme.example"');
    expect(err.message).toContain('eu-west-1');
    expect(err.cause).toBeInstanceOf(MailFromDomainNotVerifiedException);
  });

  it('maps a sandbox "Email address is not verified" rejection', async () => {
    sesMock.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Email address is not verified. The following identities failed the check in region EU-WEST-1: officer@acme.example', ...meta }));
    await expect(sendDigest(digest, options())).rejects.toThrow(/not verified.*Verify the sender identity.*sandbox/s);
  });

  it('names a missing configuration set', async () => {
    sesMock.on(SendEmailCommand).rejects(new NotFoundException({ message: 'Configuration set <nope> does not exist.', ...meta }));
    await expect(sendDigest(digest, { ...options(), configurationSetName: 'nope' })).rejects.toThrow(/configuration set "nope"/);
    expect(sesMock.commandCalls(SendEmailCommand)[0]?.args[0].input.ConfigurationSetName).toBe('nope');
  });

  it('retries throttling a bounded number of times, then succeeds', async () => {
    sesMock
      .on(SendEmailCommand)
      .rejectsOnce(new TooManyRequestsException({ message: 'Rate exceeded', ...meta }))
      .rejectsOnce(new TooManyRequestsException({ message: 'Rate exceeded', ...meta }))
      .resolves({ MessageId: 'm-1' });
    const ledger = new InMemoryDigestLedger();
    await expect(sendDigest(digest, options(ledger))).resolves.toMatchObject({ status: 'SENT', messageId: 'm-1' });
    expect(sesMock.commandCalls(SendEmailCommand)).toHaveLength(3);
    expect(ledger.sent.get('k')?.messageId).toBe('m-1');
  });

  it('throws DigestSendError with the cause when throttling persists, and records nothing', async () => {
    sesMock.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: 'Rate exceeded', ...meta }));
    const ledger = new InMemoryDigestLedger();
    const err = (await sendDigest(digest, { ...options(ledger), maxAttempts: 4 }).catch((e: unknown) => e)) as DigestSendError;
    expect(err).toBeInstanceOf(DigestSendError);
    expect(err.message).toContain('throttling');
    expect(err.cause).toBeInstanceOf(TooManyRequestsException);
    expect(sesMock.commandCalls(SendEmailCommand)).toHaveLength(4);
    expect(ledger.sent.size).toBe(0);
  });

  it('does not retry non-throttling errors', async () => {
    sesMock.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Illegal address', ...meta }));
    await expect(sendDigest(digest, options())).rejects.toThrow('SES rejected the message: Illegal address');
    expect(sesMock.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it('reports a sent-but-unrecorded digest with its MessageId instead of swallowing it', async () => {
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'm-2' });
    const broken: DigestLedger = { hasSent: async () => false, markSent: async () => Promise.reject(new Error('table missing')) };
    const err = (await sendDigest(digest, options(broken)).catch((e: unknown) => e)) as DigestLedgerError;
    expect(err).toBeInstanceOf(DigestLedgerError);
    expect(err.messageId).toBe('m-2');
    expect(err.message).toMatch(/was sent \(SES MessageId m-2\).*table missing.*Do not resend/);
  });

  it('sends the exact SES v2 request shape', async () => {
    sesMock.on(SendEmailCommand).resolves({ MessageId: 'm-3' });
    await sendDigest(digest, { ...options(), to: ['a@acme.example', 'a@acme.example'], cc: ['a@acme.example', 'b@acme.example'], configurationSetName: 'digest' });
    expect(sesMock.commandCalls(SendEmailCommand)[0]?.args[0].input).toEqual({
      FromEmailAddress: 'sender@acme.example',
      Destination: { ToAddresses: ['a@acme.example'], CcAddresses: ['b@acme.example'] },
      Content: { Simple: { Subject: { Data: digest.subject, Charset: 'UTF-8' }, Body: { Html: { Data: digest.html, Charset: 'UTF-8' }, Text: { Data: digest.text, Charset: 'UTF-8' } } } },
      ConfigurationSetName: 'digest',
    });
  });
});

describe('bad configuration', () => {
  it('rejects missing and invalid addresses as DigestAddressError (an expected error) before calling SES', async () => {
    expect(() => validateAddresses({ from: 'sender@acme.example', to: [] })).toThrow(new DigestAddressError('No recipient: give at least one recipient address (CLI --to, pipeline officerEmails).'));
    expect(new DigestAddressError('x')).toBeInstanceOf(ExpectedError);
    expect(() => validateAddresses({ from: '', to: ['a@acme.example'] })).toThrow(/No sender/);
    expect(() => validateAddresses({ from: 'not-an-address', to: ['a@acme.example'] })).toThrow(/Sender address "not-an-address"/);
    expect(() => validateAddresses({ from: 's@acme.example', to: ['a@acme.example'], cc: ['bad@', 'x y@acme.example'] })).toThrow('Invalid recipient addresses: "bad@", "x y@acme.example".');
    expect(() => validateAddresses({ from: 's@acme.example', to: Array.from({ length: 51 }, (_, i) => `u${i}@acme.example`) })).toThrow(/at most 50/);
    await expect(sendDigest(digest, { ...options(), to: ['Officer <o@acme.example>'] })).rejects.toBeInstanceOf(DigestAddressError);
    expect(sesMock.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('parses --since as a date or a number of days', () => {
    const now = new Date('2025-07-13T07:00:00.000Z');
    expect(parsePeriod('7d', now)).toEqual({ from: '2025-07-06T07:00:00.000Z', to: '2025-07-13T07:00:00.000Z' });
    expect(parsePeriod(undefined, now).from).toBe('2025-07-06T07:00:00.000Z');
    expect(parsePeriod('2025-07-01', now).from).toBe('2025-07-01T00:00:00.000Z');
    expect(() => parsePeriod('2025-02-30', now)).toThrow(UsageError);
    expect(() => parsePeriod('last week', now)).toThrow(/YYYY-MM-DD/);
    expect(() => parsePeriod('2025-08-01', now)).toThrow(/not in the past/);
    expect(() => parsePeriod('0d', now)).toThrow(UsageError);
  });

  it('the CLI fails fast with an expected error on bad mail options', async () => {
    const run = async (...args: string[]) => {
      const program = new Command().exitOverride();
      registerDigestCommand(program);
      await program.parseAsync(['digest', ...args], { from: 'user' });
    };
    await expect(run('--send', '--from', 'sender@acme.example', '--table', 't')).rejects.toThrow('No recipient');
    await expect(run('--send', '--to', 'a@acme.example', '--table', 't')).rejects.toThrow('No sender');
    await expect(run('--send', '--to', 'nope', '--from', 'sender@acme.example', '--table', 't')).rejects.toThrow('Invalid recipient address: "nope".');
    await expect(run('--table', 't')).rejects.toThrow('Nothing to do');
    await expect(run('--preview', '/tmp/x.html', '--max-items', '0', '--table', 't')).rejects.toThrow('--max-items');
    await expect(run('--preview', '/tmp/x.html', '--bundle-url', 'javascript:alert(1)', '--table', 't')).rejects.toThrow('--bundle-url');
    await expect(run('--preview', '/tmp/x.html', '--since', 'yesterday', '--table', 't')).rejects.toBeInstanceOf(UsageError);
  });
});
