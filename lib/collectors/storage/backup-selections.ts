import {
  GetBackupSelectionCommand,
  paginateListBackupSelections,
  type BackupClient,
  type ConditionParameter,
} from '@aws-sdk/client-backup';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { BackupPlan } from '../../snapshot/storage.js';

const RESOURCE_TAG_PREFIX = 'aws:ResourceTag/';

/** `aws:ResourceTag/backup` -> `backup`; ListOfTags keys are usually bare tag keys already. */
function tagKey(conditionKey: string | undefined): string {
  const key = conditionKey ?? '';
  return key.startsWith(RESOURCE_TAG_PREFIX) ? key.slice(RESOURCE_TAG_PREFIX.length) : key;
}

function conditions(operator: string, list: ConditionParameter[] | undefined) {
  return (list ?? []).map((c) => ({ operator, key: tagKey(c.ConditionKey), value: c.ConditionValue ?? '' }));
}

/**
 * A plan's resource assignments. ListBackupSelections returns only names; the resources, tags and
 * conditions are in GetBackupSelection, one call per selection (there is no batch form).
 */
export async function collectBackupSelections(
  ctx: CollectContext,
  client: BackupClient,
  region: string,
  planId: string,
): Promise<BackupPlan['selections']> {
  const pages = await attemptPages(ctx, target('backup', region, 'ListBackupSelections', planId), () =>
    paginateListBackupSelections({ client }, { BackupPlanId: planId }),
  );
  return thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.BackupSelectionsList ?? [])
        .flatMap((s) => (s.SelectionId ? [{ id: s.SelectionId, name: s.SelectionName ?? s.SelectionId }] : []))
        .map(async ({ id, name }) => {
          const detail = await attempt(ctx, target('backup', region, 'GetBackupSelection', `${planId}/${id}`), () =>
            client.send(new GetBackupSelectionCommand({ BackupPlanId: planId, SelectionId: id })),
          );
          return {
            id,
            name,
            detail: mapCollected(detail, (r) => {
              const s = r.BackupSelection;
              const c = s?.Conditions;
              return {
                resources: s?.Resources ?? [],
                notResources: s?.NotResources ?? [],
                listOfTags: (s?.ListOfTags ?? []).map((t) => ({
                  operator: t.ConditionType ?? 'STRINGEQUALS',
                  key: tagKey(t.ConditionKey),
                  value: t.ConditionValue ?? '',
                })),
                conditions: [
                  ...conditions('StringEquals', c?.StringEquals),
                  ...conditions('StringNotEquals', c?.StringNotEquals),
                  ...conditions('StringLike', c?.StringLike),
                  ...conditions('StringNotLike', c?.StringNotLike),
                ],
              };
            }),
          };
        }),
    ),
  );
}
