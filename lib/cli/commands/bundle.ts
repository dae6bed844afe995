import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  addAwsOptions, addEvidenceBucketOption, clientsFromOptions, homeRegion, requireOption,
  type AwsCliOptions, type PipelineResourceOptions,
} from '../aws-options.js';
import { UsageError } from '../errors.js';
import { S3Client } from '@aws-sdk/client-s3';
import { archivedEvidence, ArchivedEvidenceError, requestRestores, type RestoreOptions } from '../../evidence/archive.js';
import { checkOutputFile } from '../output-path.js';
import { buildBundle } from '../../evidence/bundle.js';
import { bundleKey } from '../../evidence/layout.js';
import { parseExpiresIn, PresignExpiryError, uploadBundle } from '../../evidence/presign.js';
import { BundleRequestError, parseDay, type RunSelection } from '../../evidence/selection.js';

interface BundleCliOptions extends AwsCliOptions, PipelineResourceOptions {
  run?: string[];
  from?: string;
  to?: string;
  account?: string;
  output: string;
  upload?: boolean;
  bundleBucket?: string;
  expiresIn: string;
  restore?: boolean;
  restoreDays: string;
  restoreTier: string;
}

const RESTORE_TIERS = ['Standard', 'Bulk', 'Expedited'] as const;

export function registerBundleCommand(program: Command): void {
  const command = program
    .command('bundle')
    .description('Package runs\' signed evidence into a zip an auditor can verify offline (HIPAA 164.316(b))')
    .option('--run <id...>', 'run id(s) to include')
    .option('--from <YYYY-MM-DD>', 'include runs started on or after this UTC day')
    .option('--to <YYYY-MM-DD>', 'include runs started on or before this UTC day')
    .option('--account <id>', 'only this AWS account')
    .requiredOption('--output <file>', 'zip file to write (required; checked before the bundle is built)')
    .option('--upload', 'also upload the zip to the bundles bucket and print a presigned download URL')
    .option('--bundle-bucket <name>', 'bundles bucket for --upload: the stack output BundleBucketName (env HIPAA_AUDIT_BUNDLE_BUCKET)', process.env.HIPAA_AUDIT_BUNDLE_BUCKET)
    .option('--expires-in <duration>', 'presigned URL lifetime (e.g. 3600, 12h, 7d; max 7d)', '7d')
    .option('--restore', 'request a restore of the evidence that lifecycle rules moved to Glacier / Deep Archive')
    .option('--restore-days <n>', 'days a restored copy stays readable', '7')
    .option('--restore-tier <tier>', `restore speed: ${RESTORE_TIERS.join(', ')} (Expedited does not exist for Deep Archive)`, 'Standard');
  addAwsOptions(command);
  addEvidenceBucketOption(command);
  command.action(async (options: BundleCliOptions) => runBundle(options));
}

async function runBundle(options: BundleCliOptions): Promise<void> {
  const bucket = requireOption(options.evidenceBucket, '--evidence-bucket', 'HIPAA_AUDIT_EVIDENCE_BUCKET');
  const selection = parseSelection(options);
  // Validate the expiry before spending minutes on a bundle we could not share.
  if (options.upload) usage(() => parseExpiresIn(options.expiresIn));
  const bundleBucket = options.upload ? requireOption(options.bundleBucket, '--bundle-bucket', 'HIPAA_AUDIT_BUNDLE_BUCKET') : undefined;
  const restore = parseRestore(options);
  await checkOutputFile(options.output, '--output');
  const clients = clientsFromOptions(options);
  const region = homeRegion(options);
  try {
    // Listing first: archived evidence would fail the zip halfway, after minutes of downloads.
    const s3 = clients.get(S3Client, region);
    const archived = await archivedEvidence(s3, bucket, selection, options.account);
    if (archived.length > 0) {
      for (const object of archived.slice(0, 20)) console.log(`  needs restore: s3://${bucket}/${object.key} (${object.storageClass}, ${object.restore})`);
      if (archived.length > 20) console.log(`  ... and ${archived.length - 20} more`);
      if (restore) {
        const requested = await requestRestores(s3, bucket, archived, restore);
        throw new ArchivedEvidenceError(archived, `Requested ${requested} restore(s) (${restore.tier}, readable for ${restore.days} days); run this command again without --restore when they complete (Glacier: minutes to hours, Deep Archive: up to 48 hours).`);
      }
      throw new ArchivedEvidenceError(archived, 'Run this command with --restore to request them (needs s3:RestoreObject, which the auditor role has).');
    }
    const output = createWriteStream(options.output);
    let result;
    try {
      result = await usageAsync(() => buildBundle({ clients, region, bucket, ...selection, ...(options.account ? { accountId: options.account } : {}), output }));
    } catch (error) {
      // A half-written zip must not be mistaken for a bundle.
      output.destroy();
      await unlink(options.output).catch(() => undefined);
      throw error;
    }
    console.log(`Wrote ${options.output}: ${result.runs.length} run(s), ${result.entries} files.`);
    for (const run of result.runs) console.log(`  ${run.accountId} ${run.runId} (started ${run.startedAt}, ${run.objects} objects)`);
    if (options.upload) {
      const key = bundleKey('');
      const target = bundleBucket ?? bucket;
      const uploaded = await usageAsync(() => uploadBundle({ clients, region, bucket: target, key, filePath: options.output, expiresIn: options.expiresIn }));
      console.log(`Uploaded s3://${uploaded.bucket}/${uploaded.key} (SHA-256 ${uploaded.sha256}).`);
      console.log(`Download URL (expires ${uploaded.expiresAt}${uploaded.expiryLimitedBy === 'credentials' ? ', when the signing credentials expire' : uploaded.expiryLimitedBy === 'unknown-credentials' ? ' at the latest: signed with temporary credentials' : ''}):\n${uploaded.url}`);
    }
    const fingerprints = [...new Set(result.runs.map((r) => r.publicKeySha256))];
    console.log(`Signing key fingerprint(s) (SHA-256 of the public key, as recorded by the pipeline): ${fingerprints.join(', ')}`);
    console.log(`Check it with the signer pinned: hipaa-audit verify ${options.output} ${fingerprints.map((f) => `--trusted-key-fingerprint ${f}`).join(' ')}`);
  } finally {
    clients.destroy();
  }
}

function parseRestore(options: BundleCliOptions): RestoreOptions | undefined {
  if (!options.restore) return undefined;
  const days = Number(options.restoreDays);
  if (!Number.isInteger(days) || days < 1) throw new UsageError(`--restore-days must be a whole number of days, got "${options.restoreDays}".`);
  const tier = RESTORE_TIERS.find((t) => t.toLowerCase() === options.restoreTier.toLowerCase());
  if (!tier) throw new UsageError(`--restore-tier must be one of ${RESTORE_TIERS.join(', ')}, got "${options.restoreTier}".`);
  return { days, tier };
}

function parseSelection(options: BundleCliOptions): RunSelection {
  const hasRuns = (options.run?.length ?? 0) > 0;
  const hasDates = options.from !== undefined || options.to !== undefined;
  if (hasRuns === hasDates) throw new UsageError('Give either --run <id>... or --from YYYY-MM-DD --to YYYY-MM-DD.');
  if (hasRuns) return { runIds: options.run ?? [] };
  if (!options.from || !options.to) throw new UsageError('--from and --to go together.');
  const { from, to } = options;
  usage(() => [parseDay(from, '--from'), parseDay(to, '--to')]);
  return { from, to };
}

function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw asUsage(error);
  }
}

async function usageAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw asUsage(error);
  }
}

function asUsage(error: unknown): unknown {
  return error instanceof BundleRequestError || error instanceof PresignExpiryError ? new UsageError(error.message, { cause: error }) : error;
}
