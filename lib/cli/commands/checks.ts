import type { Command } from 'commander';
import { CHECKS } from '../../checks/registry.js';

/** `hipaa-audit checks`: the catalog, so people can pick ids for --checks and acceptances. */
export function registerChecksCommand(program: Command): void {
  program
    .command('checks')
    .description('List the check catalog with HIPAA citations')
    .option('--json', 'print as JSON')
    .action((options: { json?: boolean }) => {
      if (options.json) {
        const rows = CHECKS.map(({ id, title, service, citations, severity, remediation }) => ({ id, title, service, citations, severity, remediation }));
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      for (const check of CHECKS) {
        process.stdout.write(`${check.id.padEnd(48)} ${check.severity.padEnd(8)} ${check.citations.join(', ')}\n`);
      }
    });
}
