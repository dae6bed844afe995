import { Command } from 'commander';
import { registerAcceptCommand } from './commands/accept.js';
import { registerAcceptancesCommand } from './commands/acceptances.js';
import { registerBundleCommand } from './commands/bundle.js';
import { registerChecksCommand } from './commands/checks.js';
import { registerDigestCommand } from './commands/digest.js';
import { registerInitCommand } from './commands/init.js';
import { registerRegionsCommand } from './commands/regions.js';
import { registerRevokeCommand } from './commands/revoke.js';
import { registerScanCommand } from './commands/scan.js';
import { registerVerifyCommand } from './commands/verify.js';

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
  registerAcceptCommand(program);
  registerAcceptancesCommand(program);
  registerRevokeCommand(program);
  registerBundleCommand(program);
  registerVerifyCommand(program);
  registerDigestCommand(program);
  registerRegionsCommand(program);
  registerInitCommand(program);
  return program;
}
