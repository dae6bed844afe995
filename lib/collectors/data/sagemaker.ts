import {
  DescribeEndpointConfigCommand,
  DescribeNotebookInstanceCommand,
  paginateListEndpointConfigs,
  paginateListNotebookInstances,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { attempt, attemptPages, target, type CollectContext } from '../../collect/context.js';
import { mapCollected, thenCollected } from '../../snapshot/collected.js';
import type { DataRegion, EndpointConfig, NotebookInstance } from '../../snapshot/data.js';

/**
 * ListNotebookInstances and ListEndpointConfigs return names only; the KMS key, internet access and root
 * access are in DescribeNotebookInstance / DescribeEndpointConfig, one call per notebook / configuration
 * (AWS has no batch form).
 */
export async function collectSageMaker(
  ctx: CollectContext,
  region: string,
): Promise<Pick<DataRegion, 'notebookInstances' | 'endpointConfigs'>> {
  const client = ctx.clients.get(SageMakerClient, region);
  const [notebookPages, configPages] = await Promise.all([
    attemptPages(ctx, target('sagemaker', region, 'ListNotebookInstances'), () => paginateListNotebookInstances({ client }, {})),
    attemptPages(ctx, target('sagemaker', region, 'ListEndpointConfigs'), () => paginateListEndpointConfigs({ client }, {})),
  ]);
  const [notebookInstances, endpointConfigs] = await Promise.all([
    thenCollected(notebookPages, (pages) =>
      Promise.all(
        pages
          .flatMap((p) => p.NotebookInstances ?? [])
          .flatMap((n) => (n.NotebookInstanceName ? [n] : []))
          .map(async (n): Promise<NotebookInstance> => {
            const name = n.NotebookInstanceName ?? '';
            const described = await attempt(ctx, target('sagemaker', region, 'DescribeNotebookInstance', name), () =>
              client.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name })),
            );
            return {
              name,
              arn: n.NotebookInstanceArn ?? `arn:${ctx.partition}:sagemaker:${region}:${ctx.accountId}:notebook-instance/${name}`,
              details: mapCollected(described, (d) => ({
                kmsKeyId: d.KmsKeyId || null,
                // Both default to Enabled when not set at creation.
                directInternetAccess: d.DirectInternetAccess !== 'Disabled',
                rootAccess: d.RootAccess !== 'Disabled',
              })),
            };
          }),
      ),
    ),
    thenCollected(configPages, (pages) =>
      Promise.all(
        pages
          .flatMap((p) => p.EndpointConfigs ?? [])
          .flatMap((c) => (c.EndpointConfigName ? [c] : []))
          .map(async (c): Promise<EndpointConfig> => {
            const name = c.EndpointConfigName ?? '';
            const described = await attempt(ctx, target('sagemaker', region, 'DescribeEndpointConfig', name), () =>
              client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name })),
            );
            return {
              name,
              arn: c.EndpointConfigArn ?? `arn:${ctx.partition}:sagemaker:${region}:${ctx.accountId}:endpoint-config/${name}`,
              kmsKeyId: mapCollected(described, (d) => d.KmsKeyId || null),
            };
          }),
      ),
    ),
  ]);
  return { notebookInstances, endpointConfigs };
}
