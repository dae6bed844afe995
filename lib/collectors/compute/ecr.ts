import { ECRClient, GetRegistryScanningConfigurationCommand, paginateDescribeRepositories } from '@aws-sdk/client-ecr';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected } from '../../snapshot/collected.js';
import type { ComputeRegion } from '../../snapshot/compute.js';

/** DescribeRepositories carries scan-on-push and encryption; the registry's scanning rules are one more call per region. */
export async function collectEcr(
  ctx: CollectContext,
  region: string,
): Promise<Pick<ComputeRegion, 'ecrRepositories' | 'ecrRegistryScanning'>> {
  const client = ctx.clients.get(ECRClient, region);
  const [pages, scanning] = await Promise.all([
    attemptPages(ctx, target('ecr', region, 'DescribeRepositories'), () => paginateDescribeRepositories({ client }, {})),
    attempt(ctx, target('ecr', region, 'GetRegistryScanningConfiguration'), () =>
      client.send(new GetRegistryScanningConfigurationCommand({})),
    ),
  ]);
  return {
    ecrRepositories: mapCollected(pages, (ps) =>
      ps
        .flatMap((p) => p.repositories ?? [])
        .flatMap((r) => (r.repositoryName && r.repositoryArn ? [{ ...r, name: r.repositoryName, arn: r.repositoryArn }] : []))
        .map((r) => ({
          name: r.name,
          arn: r.arn,
          scanOnPush: r.imageScanningConfiguration?.scanOnPush === true,
          encryptionType: r.encryptionConfiguration?.encryptionType ?? 'AES256',
          kmsKey: r.encryptionConfiguration?.kmsKey ?? null,
        })),
    ),
    ecrRegistryScanning: mapCollected(scanning, (r) => ({
      scanType: r.scanningConfiguration?.scanType ?? 'BASIC',
      rules: (r.scanningConfiguration?.rules ?? []).map((rule) => ({
        frequency: rule.scanFrequency ?? 'MANUAL',
        filters: (rule.repositoryFilters ?? []).map((f) => ({ filter: f.filter ?? '', filterType: f.filterType ?? 'WILDCARD' })),
      })),
    })),
  };
}
