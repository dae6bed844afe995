import { CommanderError } from 'commander';
import { ExpectedError } from '../model/errors.js';
import { EXIT } from './errors.js';
import { buildProgram } from './program.js';

/** Runs the CLI; every expected failure becomes one line on stderr and exit code 2, never a stack trace. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed the message (or help/version, which exit 0).
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof ExpectedError) {
      process.stderr.write(`hipaa-audit: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof Error && '$metadata' in err) {
      process.stderr.write(`hipaa-audit: AWS call failed (${err.name}): ${err.message}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    process.stderr.write(`hipaa-audit: unexpected error: ${message}\n`);
    if (process.env.HIPAA_AUDIT_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    else process.stderr.write('Set HIPAA_AUDIT_DEBUG=1 for details.\n');
    return EXIT.usage;
  }
}

// Only run when executed as the CLI (bundled into dist/hipaa-audit.mjs), not when imported by tests.
if (process.env.HIPAA_AUDIT_CLI_ENTRY === '1') {
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
}
