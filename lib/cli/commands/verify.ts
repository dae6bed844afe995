import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { verifyBundle } from '../../evidence/verify.js';
import type { VerifyCheck } from '../../evidence/verify-report.js';

const MARK: Record<VerifyCheck['status'], string> = { ok: 'OK  ', fail: 'FAIL', note: 'NOTE' };

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('Verify an evidence bundle offline: hashes, KMS signatures, hash chain, completeness (no AWS calls)')
    .argument('<bundle.zip>', 'bundle written by `hipaa-audit bundle`')
    .option('--quiet', 'print only failures, notes and the result')
    .action(async (bundlePath: string, options: { quiet?: boolean }) => {
      try {
        await access(bundlePath, constants.R_OK);
        if (!(await stat(bundlePath)).isFile()) throw new Error('not a file');
      } catch (error) {
        throw new UsageError(`Cannot read bundle "${bundlePath}": ${(error as Error).message}`, { cause: error });
      }
      const report = await verifyBundle(bundlePath);
      for (const check of report.checks) {
        if (options.quiet && check.status === 'ok') continue;
        console.log(`${MARK[check.status]} ${check.kind.padEnd(10)} ${check.subject}: ${check.message}`);
      }
      const runs = report.runs.map((r) => `${r.accountId}/${r.runId}`).join(', ') || 'none';
      if (report.ok) {
        console.log(`\nVERIFIED: ${report.runs.length} run(s) (${runs}); ${report.checks.filter((c) => c.status === 'ok').length} checks passed, ${report.notes.length} note(s).`);
      } else {
        console.log(`\nNOT VERIFIED: ${report.failures.length} failure(s) in ${bundlePath}.`);
        process.exitCode = 1;
      }
    });
}
