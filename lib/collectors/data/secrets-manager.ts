import { paginateListSecrets, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { DataRegion } from '../../snapshot/data.js';

/**
 * ListSecrets alone: it returns rotation, KMS key, last rotated/accessed dates for every secret. The
 * secret value is never read (GetSecretValue is a data-plane call the auditor must not make).
 */
export async function collectSecretsManager(ctx: CollectContext, region: string): Promise<Pick<DataRegion, 'secrets'>> {
  const client = ctx.clients.get(SecretsManagerClient, region);
  const pages = await attemptPages(ctx, target('secretsmanager', region, 'ListSecrets'), () => paginateListSecrets({ client }, {}));
  return {
    secrets: mapCollected(pages, (data) =>
      data
        .flatMap((p) => p.SecretList ?? [])
        .flatMap((s) =>
          s.ARN && s.Name
            ? [
                {
                  name: s.Name,
                  arn: s.ARN,
                  kmsKeyId: s.KmsKeyId || null,
                  rotationEnabled: s.RotationEnabled === true,
                  rotationDays: s.RotationRules?.AutomaticallyAfterDays ?? null,
                  rotationSchedule: s.RotationRules?.ScheduleExpression ?? null,
                  lastRotatedDate: s.LastRotatedDate?.toISOString() ?? null,
                  nextRotationDate: s.NextRotationDate?.toISOString() ?? null,
                  lastAccessedDate: s.LastAccessedDate?.toISOString() ?? null,
                  createdDate: s.CreatedDate?.toISOString() ?? null,
                  owningService: s.OwningService ?? null,
                },
              ]
            : [],
        ),
    ),
  };
}
