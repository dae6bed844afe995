import { DescribeDomainsCommand, ListDomainNamesCommand, OpenSearchClient, type DomainStatus } from '@aws-sdk/client-opensearch';
import { attempt, target, type CollectContext } from '../../collect/context.js';
import { failed, ok, thenCollected, type Collected } from '../../snapshot/collected.js';
import type { DataRegion, OpenSearchDomain, OpenSearchDomainConfig } from '../../snapshot/data.js';

/** DescribeDomains accepts at most five names per call. */
const DESCRIBE_BATCH = 5;

/** ListDomainNames (OpenSearch and legacy Elasticsearch domains), then DescribeDomains in batches of five. */
export async function collectOpenSearch(ctx: CollectContext, region: string): Promise<Pick<DataRegion, 'openSearchDomains'>> {
  const client = ctx.clients.get(OpenSearchClient, region);
  const listed = await attempt(ctx, target('opensearch', region, 'ListDomainNames'), () => client.send(new ListDomainNamesCommand({})));
  const openSearchDomains = await thenCollected(listed, async (r) => {
    const names = (r.DomainNames ?? []).flatMap((d) => (d.DomainName ? [{ name: d.DomainName, engineType: d.EngineType ?? null }] : []));
    const batches: (typeof names)[] = [];
    for (let i = 0; i < names.length; i += DESCRIBE_BATCH) batches.push(names.slice(i, i + DESCRIBE_BATCH));
    const described = await Promise.all(
      batches.map(async (batch) => {
        const result = await attempt(ctx, target('opensearch', region, 'DescribeDomains', batch.map((d) => d.name).join(',')), () =>
          client.send(new DescribeDomainsCommand({ DomainNames: batch.map((d) => d.name) })),
        );
        return batch.map(({ name, engineType }): OpenSearchDomain => {
          const arn = `arn:${ctx.partition}:es:${region}:${ctx.accountId}:domain/${name}`;
          return { name, arn, engineType, config: configOf(result, name, arn) };
        });
      }),
    );
    return described.flat();
  });
  return { openSearchDomains };
}

function configOf(
  result: Collected<{ DomainStatusList?: DomainStatus[] }>,
  name: string,
  fallbackArn: string,
): Collected<OpenSearchDomainConfig> {
  if (result.error) return failed(result.error);
  const status = (result.data.DomainStatusList ?? []).find((d) => d.DomainName === name);
  if (!status) {
    return failed({ code: 'DomainNotDescribed', message: `DescribeDomains returned no status for ${name}`, operation: 'opensearch:DescribeDomains' });
  }
  const logs = status.LogPublishingOptions ?? {};
  return ok({
    arn: status.ARN ?? fallbackArn,
    engineVersion: status.EngineVersion ?? null,
    encryptionAtRest: status.EncryptionAtRestOptions?.Enabled === true,
    nodeToNodeEncryption: status.NodeToNodeEncryptionOptions?.Enabled === true,
    enforceHttps: status.DomainEndpointOptions?.EnforceHTTPS === true,
    tlsSecurityPolicy: status.DomainEndpointOptions?.TLSSecurityPolicy ?? null,
    inVpc: (status.VPCOptions?.SubnetIds ?? []).length > 0 || status.VPCOptions?.VPCId !== undefined,
    accessPolicy: status.AccessPolicies?.trim() ? status.AccessPolicies : null,
    fineGrainedAccessControl: status.AdvancedSecurityOptions?.Enabled === true,
    enabledLogs: Object.entries(logs)
      .filter(([, option]) => option.Enabled === true)
      .map(([type]) => type)
      .sort(),
  });
}
