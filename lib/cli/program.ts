import { Command } from 'commander';
import { registerChecksCommand } from './commands/checks.js';
import { registerScanCommand } from './commands/scan.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('hipaa-audit')
    .description('Read-only HIPAA technical-safeguard audits of AWS accounts (45 CFR 164.312), with evidence and digests')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    // Set before subcommands are added so they inherit it: errors reach main() instead of process.exit.
    .exitOverride();
  registerScanCommand(program);
  registerChecksCommand(program);
  return program;
}
