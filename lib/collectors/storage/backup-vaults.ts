import {
  GetBackupVaultAccessPolicyCommand,
  paginateListBackupVaults,
  paginateListProtectedResources,
  paginateListRecoveryPointsByBackupVault,
  paginateListRestoreTestingPlans,
  type BackupClient,
} from '@aws-sdk/client-backup';
import { attemptOrAbsent, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { deniesRecoveryPointDeletion } from './backup-vault-policy.js';

type VaultPart = Pick<StorageRegion, 'backupVaults' | 'protectedResources' | 'restoreTestingPlans'>;

/**
 * Vaults (ListBackupVaults carries `Locked`, so no DescribeBackupVault), each vault's access policy and
 * recovery points (no batch form of either: one call, and one paginated listing, per vault), the
 * resources Backup has protected with their latest backup time, and the restore testing plans.
 */
export async function collectBackupVaults(ctx: CollectContext, client: BackupClient, region: string): Promise<VaultPart> {
  const [vaultPages, protectedPages, testingPages] = await Promise.all([
    attemptPages(ctx, target('backup', region, 'ListBackupVaults'), () => paginateListBackupVaults({ client }, {})),
    attemptPages(ctx, target('backup', region, 'ListProtectedResources'), () => paginateListProtectedResources({ client }, {})),
    attemptPages(ctx, target('backup', region, 'ListRestoreTestingPlans'), () => paginateListRestoreTestingPlans({ client }, {})),
  ]);

  const backupVaults = await thenCollected(vaultPages, (pages) =>
    Promise.all(
      pages
        .flatMap((p) => p.BackupVaultList ?? [])
        .flatMap((v) => (v.BackupVaultName ? [{ ...v, name: v.BackupVaultName }] : []))
        .map(async (v) => {
          const [policy, points] = await Promise.all([
            attemptOrAbsent(ctx, target('backup', region, 'GetBackupVaultAccessPolicy', v.name), ['ResourceNotFoundException'], () =>
              client.send(new GetBackupVaultAccessPolicyCommand({ BackupVaultName: v.name })),
            ),
            attemptPages(ctx, target('backup', region, 'ListRecoveryPointsByBackupVault', v.name), () =>
              paginateListRecoveryPointsByBackupVault({ client }, { BackupVaultName: v.name }),
            ),
          ]);
          return {
            name: v.name,
            arn: v.BackupVaultArn ?? `arn:${ctx.partition}:backup:${region}:${ctx.accountId}:backup-vault:${v.name}`,
            locked: v.Locked === true,
            accessPolicy: mapCollected(policy, (r) =>
              r?.Policy ? { deniesDeleteRecoveryPoint: deniesRecoveryPointDeletion(r.Policy) } : null,
            ),
            // Only the count and the unencrypted ARNs are kept; the raw pages are in the evidence.
            recoveryPoints: mapCollected(points, (data) => {
              const all = data.flatMap((p) => p.RecoveryPoints ?? []);
              return {
                count: all.length,
                unencryptedArns: all.filter((rp) => rp.IsEncrypted !== true).map((rp) => rp.RecoveryPointArn ?? 'unknown'),
              };
            }),
          };
        }),
    ),
  );

  return {
    backupVaults,
    protectedResources: mapCollected(protectedPages, (pages) =>
      pages
        .flatMap((p) => p.Results ?? [])
        .flatMap((r) =>
          r.ResourceArn
            ? [{ arn: r.ResourceArn, type: r.ResourceType ?? 'unknown', lastBackupTime: r.LastBackupTime?.toISOString() ?? null }]
            : [],
        ),
    ),
    restoreTestingPlans: mapCollected(testingPages, (pages) =>
      pages
        .flatMap((p) => p.RestoreTestingPlans ?? [])
        .map((p) => ({ name: p.RestoreTestingPlanName ?? 'unknown', arn: p.RestoreTestingPlanArn ?? 'unknown' })),
    ),
  };
}
