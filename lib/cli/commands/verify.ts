import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { KMSClient } from '@aws-sdk/client-kms';
import type { Command } from 'commander';
import { addAwsOptions, clientsFromOptions, homeRegion, type AwsCliOptions } from '../aws-options.js';
import { EXIT, UsageError } from '../errors.js';
import { fetchPublicKey } from '../../evidence/signing.js';
import { TrustAnchorError, trustedKeyFromFingerprint, trustedKeyFromPem, type TrustedKey } from '../../evidence/trust.js';
import { verifyBundle } from '../../evidence/verify.js';
import type { VerifyCheck, VerifyReport } from '../../evidence/verify-report.js';

const MARK: Record<VerifyCheck['status'], string> = { ok: 'OK  ', fail: 'FAIL', note: 'NOTE' };
/** Lines of checks printed per status unless --verbose; a hostile bundle must not flood the terminal. */
const PRINT_LIMIT = 100;

interface VerifyCliOptions extends AwsCliOptions {
  trustedKey?: string[];
  trustedKeyFingerprint?: string[];
  kmsKeyId?: string[];
  quiet?: boolean;
  verbose?: boolean;
}

export function registerVerifyCommand(program: Command): void {
  const command = program
    .command('verify')
    .description('Verify an evidence bundle offline: hashes, signatures by a pinned key, hash chain, completeness')
    .argument('<bundle.zip>', 'bundle written by `hipaa-audit bundle`')
    .option('--trusted-key <file...>', 'PEM public key of your signing key (repeat for a rotated key); every run must be signed by one')
    .option('--trusted-key-fingerprint <sha256...>', 'SHA-256 fingerprint of a trusted signing key (stack output SigningKeyFingerprint, the digest)')
    .option('--kms-key-id <arn...>', 'fetch the trusted public key from KMS (kms:GetPublicKey, e.g. with the auditor role)')
    .option('--quiet', 'print only failures, notes and the result')
    .option('--verbose', `print every check (by default at most ${PRINT_LIMIT} lines per kind of result)`);
  addAwsOptions(command).action(async (bundlePath: string, options: VerifyCliOptions) => {
    try {
      await access(bundlePath, constants.R_OK);
      if (!(await stat(bundlePath)).isFile()) throw new Error('not a file');
    } catch (error) {
      throw new UsageError(`Cannot read bundle "${bundlePath}": ${(error as Error).message}`, { cause: error });
    }
    const trustedKeys = await loadTrustedKeys(options);
    const report = await verifyBundle(bundlePath, { trustedKeys });
    printReport(report, options);
    process.exitCode = report.outcome === 'verified' ? EXIT.ok : report.outcome === 'unpinned' ? EXIT.unpinned : EXIT.findings;
  });
}

async function loadTrustedKeys(options: VerifyCliOptions): Promise<TrustedKey[]> {
  const keys: TrustedKey[] = [];
  try {
    for (const file of options.trustedKey ?? []) {
      let pem: string;
      try {
        pem = await readFile(file, 'utf8');
      } catch (error) {
        throw new UsageError(`Cannot read --trusted-key "${file}": ${(error as Error).message}`, { cause: error });
      }
      keys.push(trustedKeyFromPem(pem, file));
    }
    for (const fingerprint of options.trustedKeyFingerprint ?? []) keys.push(trustedKeyFromFingerprint(fingerprint));
  } catch (error) {
    if (error instanceof TrustAnchorError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  if ((options.kmsKeyId?.length ?? 0) > 0) {
    const clients = clientsFromOptions(options);
    try {
      for (const keyId of options.kmsKeyId ?? []) {
        const key = await fetchPublicKey(clients.get(KMSClient, regionOf(keyId) ?? homeRegion(options)), keyId);
        keys.push({ source: `kms:${key.keyId}`, sha256: key.sha256, pem: key.pem });
      }
    } finally {
      clients.destroy();
    }
  }
  return keys;
}

/** A key ARN names its region; aliases and bare ids use --region. */
function regionOf(keyId: string): string | undefined {
  return /^arn:[^:]+:kms:([^:]+):/.exec(keyId)?.[1];
}

function printReport(report: VerifyReport, options: VerifyCliOptions): void {
  const printed: Record<VerifyCheck['status'], number> = { ok: 0, fail: 0, note: 0 };
  for (const check of report.checks) {
    if (check.status === 'ok' && options.quiet) continue;
    printed[check.status] += 1;
    if (!options.verbose && printed[check.status] > PRINT_LIMIT) continue;
    console.log(`${MARK[check.status]} ${check.kind.padEnd(10)} ${check.subject}: ${check.message}`);
  }
  for (const status of ['fail', 'note', 'ok'] as const) {
    const hidden = Math.max(0, printed[status] - (options.verbose ? Infinity : PRINT_LIMIT)) + report.omitted[status];
    if (hidden > 0) console.log(`… and ${hidden} more ${status === 'fail' ? 'failure' : status === 'note' ? 'note' : 'passed check'}(s) not shown${report.omitted[status] > 0 ? '' : ' (--verbose shows them)'}`);
  }
  const runs = report.runs.length <= 10 ? report.runs.map((r) => `${r.accountId}/${r.runId}`).join(', ') || 'none' : `${report.runs.length} runs`;
  const signers = report.signers.map((s) => `${s.sha256}${s.pinnedBy ? ` (pinned: ${s.pinnedBy})` : ''}`).join(', ') || 'none verified';
  const failures = report.failures.length + report.omitted.fail;
  if (report.outcome === 'verified') {
    console.log(`\nVERIFIED: ${report.runs.length} run(s) (${runs}), signed by pinned key(s) ${signers}.`);
  } else if (report.outcome === 'unpinned') {
    console.log(
      `\nNOT PINNED: the evidence in ${report.bundlePath} is intact and its signatures are self-consistent, but nothing ` +
        `ties them to your organisation's key: anyone can re-sign a bundle with a key of their own.\n` +
        `Signing key(s) in this bundle: ${signers}.\n` +
        `Pin the key you obtained independently of this bundle, then run again:\n` +
        `  hipaa-audit verify ${report.bundlePath} --trusted-key signing-public-key.pem\n` +
        `  hipaa-audit verify ${report.bundlePath} --trusted-key-fingerprint <SigningKeyFingerprint from the stack outputs or the digest>\n` +
        `  hipaa-audit verify ${report.bundlePath} --kms-key-id <signing key ARN>   (needs kms:GetPublicKey)\n` +
        `Exit code 3: not pinned.`,
    );
  } else {
    console.log(`\nNOT VERIFIED: ${failures} failure(s) in ${report.bundlePath}.`);
  }
}
