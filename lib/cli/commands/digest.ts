import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Command } from 'commander';
import { buildDigestInput } from '../../digest/build-input.js';
import { DigestPostureSchema, type DigestPosture } from '../../digest/input.js';
import { DynamoDbDigestLedger, digestIdempotencyKey } from '../../digest/ledger.js';
import { parsePeriod } from '../period.js';
import { renderDigest } from '../../digest/render.js';
import { renderDigestEmail } from '../../digest/render-email.js';
import { renderTrendPng } from '../../digest/trend-png.js';
import { sendDigest, validateAddresses } from '../../digest/send.js';
import { createDynamoStores } from '../../store/dynamodb/index.js';
import { addAwsOptions, addTableOption, clientsFromOptions, homeRegion, requireOption, type AwsCliOptions } from '../aws-options.js';
import { UsageError } from '../errors.js';
import { checkOutputFile } from '../output-path.js';

interface DigestCliOptions extends AwsCliOptions {
  table?: string;
  preview?: string;
  text?: string;
  send?: boolean;
  to: string[];
  cc: string[];
  from?: string;
  configurationSet?: string;
  org?: string;
  since?: string;
  officerEmail: string[];
  previousPosture?: string;
  savePosture?: string;
  bundleUrl?: string;
  bundleExpires?: string;
  maxItems: string;
}

/** The trend chart beside the preview: `digest.html` -> `digest.trend.png`. */
export function trendChartPath(preview: string): string {
  const extension = extname(preview);
  return `${extension ? preview.slice(0, -extension.length) : preview}.trend.png`;
}

/** Repeatable flag that also accepts comma-separated lists (`--to a@x,b@y`), as env vars do. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

function envList(name: string): string[] {
  return collect(process.env[name] ?? '', []);
}

async function readPosture(path: string): Promise<DigestPosture> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read --previous-posture "${path}": ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const parsed = DigestPostureSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new UsageError(`--previous-posture "${path}" is not a posture file written by --save-posture.`);
  return parsed.data;
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

export function registerDigestCommand(program: Command): void {
  const command = program
    .command('digest')
    .description("Build the security officer's weekly digest; preview it as files and/or email it through Amazon SES.")
    .option('--preview <file>', 'write the HTML digest to this file; its trend chart is written beside it as <name>.trend.png (the mailed digest embeds it inline)')
    .option('--text <file>', 'write the plain-text digest to this file')
    .option('--send', 'send the digest through SES (once per organization and period)')
    .option('--to <address>', 'recipient; repeatable (required with --send; env HIPAA_AUDIT_DIGEST_TO)', collect, envList('HIPAA_AUDIT_DIGEST_TO'))
    .option('--cc <address>', 'CC recipient; repeatable', collect, [])
    .option('--from <address>', 'SES-verified sender (required with --send; env HIPAA_AUDIT_DIGEST_FROM)', process.env.HIPAA_AUDIT_DIGEST_FROM)
    .option('--configuration-set <name>', 'SES configuration set (event publishing, dedicated IPs)')
    .option('--org <name>', 'organization name in the subject (env HIPAA_AUDIT_ORG)', process.env.HIPAA_AUDIT_ORG)
    .option('--since <date|Nd>', 'start of the period: YYYY-MM-DD or a number of days', '7d')
    .option('--officer-email <address>', 'designated security official; repeatable (env HIPAA_AUDIT_OFFICER_EMAILS)', collect, envList('HIPAA_AUDIT_OFFICER_EMAILS'))
    .option('--previous-posture <file>', 'posture JSON saved by the previous digest, for "change since last digest"')
    .option('--save-posture <file>', 'write this digest\'s posture JSON for the next digest')
    .option('--bundle-url <url>', 'link to the evidence bundle')
    .option('--bundle-expires <iso>', 'when the bundle link expires (ISO timestamp)')
    .option('--max-items <n>', 'items per list before "and N more"', '15');
  addTableOption(command);
  addAwsOptions(command);
  command.action(async (options: DigestCliOptions) => runDigest(options));
}

async function runDigest(options: DigestCliOptions): Promise<void> {
  if (!options.preview && !options.text && !options.send && !options.savePosture) {
    throw new UsageError('Nothing to do: pass --preview <file>, --text <file> and/or --send.');
  }
  // Check the mail configuration before touching AWS, so a typo fails in a second, not after a query.
  if (options.send) validateAddresses({ from: options.from ?? '', to: options.to, cc: options.cc });
  const maxItems = Number(options.maxItems);
  if (!Number.isInteger(maxItems) || maxItems < 1) throw new UsageError(`--max-items "${options.maxItems}" must be a positive integer.`);
  const invalidOfficer = options.officerEmail.find((e) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e));
  if (invalidOfficer) throw new UsageError(`--officer-email "${invalidOfficer}" is not a valid email address.`);
  if (options.bundleUrl && !isHttpUrl(options.bundleUrl)) throw new UsageError(`--bundle-url "${options.bundleUrl}" is not an http(s) URL.`);
  if (options.bundleExpires && Number.isNaN(Date.parse(options.bundleExpires))) throw new UsageError(`--bundle-expires "${options.bundleExpires}" is not an ISO timestamp.`);

  const tableName = requireOption(options.table, '--table', 'HIPAA_AUDIT_TABLE');
  // Before the query, not after: files that cannot be written are usage errors.
  for (const [flag, file] of [['--preview', options.preview], ['--text', options.text], ['--save-posture', options.savePosture]] as const) {
    if (file) await checkOutputFile(file, flag);
  }
  if (options.preview) await checkOutputFile(trendChartPath(options.preview), '--preview (its trend chart)');
  const now = new Date();
  const period = parsePeriod(options.since, now);
  const previousPosture = options.previousPosture ? await readPosture(options.previousPosture) : undefined;
  const clients = clientsFromOptions(options);
  const region = homeRegion(options);
  try {
    const { findings, suppressions } = createDynamoStores({ clients, region, tableName });
    const built = await buildDigestInput({
      findings,
      suppressions,
      period,
      now,
      organizationName: options.org ?? 'AWS',
      officerEmails: options.officerEmail,
      ...(previousPosture ? { previousPosture } : {}),
      ...(options.bundleUrl ? { bundleLink: { url: options.bundleUrl, ...(options.bundleExpires ? { expiresAt: new Date(options.bundleExpires).toISOString() } : {}) } } : {}),
    });
    // Without --org, name the accounts rather than print a generic placeholder to leadership.
    const input = options.org ? built : { ...built, organizationName: built.accounts.length > 0 ? `AWS ${built.accounts.join(', ')}` : 'AWS' };
    // The mailed digest carries the trend chart as an inline PNG (as the Lambda sends it); the preview file
    // shows the same PNG, written beside it, so the HTML is the size of the mailed one.
    const digest = options.send ? await renderDigestEmail(input, { maxItemsPerList: maxItems }) : undefined;
    const chartFile = options.preview && input.trend.some((p) => p.open) ? trendChartPath(options.preview) : undefined;
    const chart = chartFile ? await renderTrendPng(input.trend) : undefined;
    const preview = renderDigest(input, {
      maxItemsPerList: maxItems,
      ...(chart && chartFile ? { trendImage: { src: basename(chartFile), width: chart.width, height: chart.height } } : {}),
    });

    if (options.preview) await writeFile(options.preview, preview.html, 'utf8');
    if (chart && chartFile) await writeFile(chartFile, chart.png);
    if (options.text) await writeFile(options.text, preview.text, 'utf8');
    if (options.savePosture) await writeFile(options.savePosture, `${JSON.stringify(input.posture, null, 2)}\n`, 'utf8');
    console.log(preview.subject);
    for (const [flag, file] of [['HTML', options.preview], ['Trend chart', chartFile], ['Text', options.text], ['Posture', options.savePosture]] as const) {
      if (file) console.log(`${flag} written to ${file}`);
    }
    if (!options.send || !digest) return;

    const result = await sendDigest(digest, {
      ses: clients.get(SESv2Client, region),
      from: options.from ?? '',
      to: options.to,
      cc: options.cc,
      ...(options.configurationSet ? { configurationSetName: options.configurationSet } : {}),
      ledger: new DynamoDbDigestLedger({ client: clients.get(DynamoDBClient, region), tableName }),
      idempotencyKey: digestIdempotencyKey(input.organizationName, period),
    });
    if (result.status === 'SENT') console.log(`Sent to ${result.recipients.join(', ')} (SES MessageId ${result.messageId}).`);
    else console.log(`Not sent: the digest for ${result.idempotencyKey} was already sent.`);
  } finally {
    clients.destroy();
  }
}
