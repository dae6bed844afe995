import { BackupClient, GetBackupPlanCommand, paginateListBackupPlans } from '@aws-sdk/client-backup';
import { attempt, attemptPages, type CollectContext } from '../../collect/context.js';
import type { StorageRegion } from '../../snapshot/storage.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';

/** Plans and their rules only; selections (which resources a plan covers) are out of scope. */
export async function collectBackup(ctx: CollectContext, region: string): Promise<Pick<StorageRegion, 'backupPlans'>> {
  const client = ctx.clients.get(BackupClient, region);
  const pages = await attemptPages(ctx, target('backup', region, 'ListBackupPlans'), () =>
    paginateListBackupPlans({ client }, {}),
  );
  const backupPlans = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.BackupPlansList ?? [])
        .flatMap((p) => (p.BackupPlanId ? [{ ...p, id: p.BackupPlanId }] : []))
        .map(async (plan) => {
          const detail = await attempt(ctx, target('backup', region, 'GetBackupPlan', plan.id), () =>
            client.send(new GetBackupPlanCommand({ BackupPlanId: plan.id })),
          );
          return {
            id: plan.id,
            arn: plan.BackupPlanArn ?? `arn:${ctx.partition}:backup:${region}:${ctx.accountId}:backup-plan:${plan.id}`,
            name: plan.BackupPlanName ?? plan.id,
            rules: mapCollected(detail, (r) =>
              (r.BackupPlan?.Rules ?? []).map((rule) => ({
                name: rule.RuleName ?? '?',
                deleteAfterDays: rule.Lifecycle?.DeleteAfterDays ?? null,
              })),
            ),
          };
        }),
    ),
  );
  return { backupPlans };
}
