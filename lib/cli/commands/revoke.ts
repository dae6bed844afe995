import type { Command } from 'commander';
import { SuppressionAlreadyRevokedError, SuppressionNotFoundError } from '../../store/dynamodb/index.js';
import type { Suppression } from '../../model/suppressions.js';
import { addAwsOptions, addTableOption } from '../aws-options.js';
import { UsageError } from '../errors.js';
import { openSuppressionStore, type StoreCliOptions, type SuppressionCommandDeps } from './accept.js';

/** Revocation keeps the record (with revokedAt) for the audit trail; matching FAILs reappear next run. */
export async function runRevoke(id: string, options: StoreCliOptions, deps: SuppressionCommandDeps = {}): Promise<Suppression> {
  const trimmed = id.trim();
  if (!trimmed) throw new UsageError('revoke needs the id of a risk acceptance (see "hipaa-audit acceptances").');
  const now = deps.now ?? (() => new Date());
  const store = (deps.openStore ?? ((o) => openSuppressionStore(o)))(options);
  try {
    const revoked = await store.revoke(trimmed, now().toISOString());
    (deps.out ?? console.log)(
      `Revoked risk acceptance ${revoked.id} (${revoked.checkId} on ${revoked.resourcePattern}); matching findings report FAIL from the next run.`,
    );
    return revoked;
  } catch (err) {
    if (err instanceof SuppressionNotFoundError || err instanceof SuppressionAlreadyRevokedError) {
      throw new UsageError(err.message, { cause: err });
    }
    throw err;
  }
}

export function registerRevokeCommand(program: Command, deps: SuppressionCommandDeps = {}): void {
  const command = program
    .command('revoke')
    .description('revoke a risk acceptance (the record is kept, marked revoked)')
    .argument('<id>', 'acceptance id, as shown by "hipaa-audit acceptances"');
  addAwsOptions(command);
  addTableOption(command);
  command.action(async (id: string, options: StoreCliOptions) => {
    await runRevoke(id, options, deps);
  });
}
