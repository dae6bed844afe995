import { BackupClient, GetBackupPlanCommand, paginateListBackupPlans } from '@aws-sdk/client-backup';
import { attempt, attemptPages, type CollectContext } from '../../collect/context.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';
import { collectBackupSelections } from './backup-selections.js';
import { collectBackupVaults } from './backup-vaults.js';

/** Plans with their rules and selections (which resources a plan covers), vaults, protected resources, restore testing. */
export async function collectBackup(
  ctx: CollectContext,
  region: string,
): Promise<Pick<StorageRegion, 'backupPlans' | 'backupVaults' | 'protectedResources' | 'restoreTestingPlans'>> {
  const client = ctx.clients.get(BackupClient, region);
  const vaults = collectBackupVaults(ctx, client, region);
  const pages = await attemptPages(ctx, target('backup', region, 'ListBackupPlans'), () =>
    paginateListBackupPlans({ client }, {}),
  );
  const backupPlans = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.BackupPlansList ?? [])
        .flatMap((p) => (p.BackupPlanId ? [{ ...p, id: p.BackupPlanId }] : []))
        .map(async (plan) => {
          const [detail, selections] = await Promise.all([
            attempt(ctx, target('backup', region, 'GetBackupPlan', plan.id), () =>
              client.send(new GetBackupPlanCommand({ BackupPlanId: plan.id })),
            ),
            collectBackupSelections(ctx, client, region, plan.id),
          ]);
          return {
            id: plan.id,
            arn: plan.BackupPlanArn ?? `arn:${ctx.partition}:backup:${region}:${ctx.accountId}:backup-plan:${plan.id}`,
            name: plan.BackupPlanName ?? plan.id,
            rules: mapCollected(detail, (r) =>
              (r.BackupPlan?.Rules ?? []).map((rule) => ({
                name: rule.RuleName ?? '?',
                deleteAfterDays: rule.Lifecycle?.DeleteAfterDays ?? null,
                scheduleExpression: rule.ScheduleExpression ?? null,
                continuousBackup: rule.EnableContinuousBackup === true,
              })),
            ),
            selections,
          };
        }),
    ),
  );
  return { backupPlans, ...(await vaults) };
}
