import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListKeys,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { attempt, attemptPages, type CollectContext } from '../../collect/context.js';
import type { KmsKey, StorageRegion } from '../../snapshot/storage.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import { target } from '../../collect/context.js';

export async function collectKms(ctx: CollectContext, region: string): Promise<Pick<StorageRegion, 'kmsKeys'>> {
  const client = ctx.clients.get(KMSClient, region);
  const pages = await attemptPages(ctx, target('kms', region, 'ListKeys'), () => paginateListKeys({ client }, {}));
  const kmsKeys = await thenCollected(pages, (data) =>
    Promise.all(
      data
        .flatMap((p) => p.Keys ?? [])
        .flatMap((k) => (k.KeyId ? [{ id: k.KeyId, arn: k.KeyArn }] : []))
        .map(async ({ id, arn }): Promise<KmsKey> => {
          const described = await attempt(ctx, target('kms', region, 'DescribeKey', id), () =>
            client.send(new DescribeKeyCommand({ KeyId: id })),
          );
          const meta = described.data?.KeyMetadata;
          const rotationEnabled =
            meta && rotationApplies(meta)
              ? mapCollected(
                  await attempt(ctx, target('kms', region, 'GetKeyRotationStatus', id), () =>
                    client.send(new GetKeyRotationStatusCommand({ KeyId: id })),
                  ),
                  (r) => r.KeyRotationEnabled === true,
                )
              : null;
          return {
            id,
            arn: arn ?? `arn:${ctx.partition}:kms:${region}:${ctx.accountId}:key/${id}`,
            details: mapCollected(described, (r) => ({
              keyManager: r.KeyMetadata?.KeyManager ?? 'unknown',
              keyState: r.KeyMetadata?.KeyState ?? 'unknown',
              keySpec: r.KeyMetadata?.KeySpec ?? 'unknown',
              keyUsage: r.KeyMetadata?.KeyUsage ?? 'unknown',
              origin: r.KeyMetadata?.Origin ?? 'unknown',
              deletionDate: r.KeyMetadata?.DeletionDate?.toISOString() ?? null,
            })),
            rotationEnabled,
          };
        }),
    ),
  );
  return { kmsKeys };
}

/**
 * Automatic rotation exists only for enabled, symmetric encryption, KMS-generated customer managed keys.
 * (SYMMETRIC_DEFAULT always means ENCRYPT_DECRYPT usage, so KeyUsage is not consulted.)
 */
export function rotationApplies(meta: Pick<KeyMetadata, 'KeyManager' | 'KeySpec' | 'Origin' | 'KeyState'>): boolean {
  return (
    meta.KeyManager === 'CUSTOMER' &&
    meta.KeySpec === 'SYMMETRIC_DEFAULT' &&
    meta.Origin === 'AWS_KMS' &&
    meta.KeyState === 'Enabled'
  );
}
