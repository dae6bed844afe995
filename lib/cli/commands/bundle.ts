import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  addAwsOptions, addEvidenceBucketOption, clientsFromOptions, homeRegion, requireOption,
  type AwsCliOptions, type PipelineResourceOptions,
} from '../aws-options.js';
import { UsageError } from '../errors.js';
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
  expiresIn: string;
}

export function registerBundleCommand(program: Command): void {
  const command = program
    .command('bundle')
    .description('Package runs\' signed evidence into a zip an auditor can verify offline (HIPAA 164.316(b))')
    .option('--run <id...>', 'run id(s) to include')
    .option('--from <YYYY-MM-DD>', 'include runs started on or after this UTC day')
    .option('--to <YYYY-MM-DD>', 'include runs started on or before this UTC day')
    .option('--account <id>', 'only this AWS account')
    .requiredOption('--output <file>', 'zip file to write (required; checked before the bundle is built)')
    .option('--upload', 'also upload the zip to the evidence bucket and print a presigned download URL')
    .option('--expires-in <duration>', 'presigned URL lifetime (e.g. 3600, 12h, 7d; max 7d)', '7d');
  addAwsOptions(command);
  addEvidenceBucketOption(command);
  command.action(async (options: BundleCliOptions) => runBundle(options));
}

async function runBundle(options: BundleCliOptions): Promise<void> {
  const bucket = requireOption(options.evidenceBucket, '--evidence-bucket', 'HIPAA_AUDIT_EVIDENCE_BUCKET');
  const selection = parseSelection(options);
  // Validate the expiry before spending minutes on a bundle we could not share.
  if (options.upload) usage(() => parseExpiresIn(options.expiresIn));
  await checkOutputFile(options.output, '--output');
  const clients = clientsFromOptions(options);
  const region = homeRegion(options);
  try {
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
      const uploaded = await usageAsync(() => uploadBundle({ clients, region, bucket, key, filePath: options.output, expiresIn: options.expiresIn }));
      console.log(`Uploaded s3://${uploaded.bucket}/${uploaded.key} (SHA-256 ${uploaded.sha256}).`);
      console.log(`Download URL (valid ${uploaded.expiresInSeconds} s):\n${uploaded.url}`);
    }
    const fingerprints = [...new Set(result.runs.map((r) => r.publicKeySha256))];
    console.log(`Signing key fingerprint(s) (SHA-256 of the public key, as recorded by the pipeline): ${fingerprints.join(', ')}`);
    console.log(`Check it with the signer pinned: hipaa-audit verify ${options.output} ${fingerprints.map((f) => `--trusted-key-fingerprint ${f}`).join(' ')}`);
  } finally {
    clients.destroy();
  }
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
