import { AccessAnalyzerClient, paginateListAnalyzers, paginateListFindings } from '@aws-sdk/client-accessanalyzer';
import { failed, mapCollected, ok, type Collected } from '../../snapshot/collected.js';
import { attemptPages, mapConcurrent, target, type CollectContext } from '../../collect/context.js';
import type { Analyzer } from '../../snapshot/external.js';

/** Analyzer types whose findings are about access from outside the zone of trust. */
export const EXTERNAL_ACCESS_TYPES: readonly string[] = ['ACCOUNT', 'ORGANIZATION'];

/**
 * The region's analyzers, and for each ACTIVE external-access analyzer its ACTIVE findings (one
 * ListFindings per such analyzer, filtered server-side: there is no account-wide listing).
 */
export async function collectAnalyzers(ctx: CollectContext, region: string): Promise<Collected<Analyzer[]>> {
  const client = ctx.clients.get(AccessAnalyzerClient, region);
  const pages = await attemptPages(ctx, target('access-analyzer', region, 'ListAnalyzers'), () => paginateListAnalyzers({ client }, {}));
  if (pages.error) return failed(pages.error);
  const summaries = pages.data.flatMap((page) => page.analyzers ?? []);
  return ok(
    await mapConcurrent(summaries, async (a): Promise<Analyzer> => {
      const analyzer = { name: a.name ?? '', arn: a.arn ?? '', type: a.type ?? 'UNKNOWN', status: a.status ?? 'UNKNOWN' };
      if (analyzer.status !== 'ACTIVE' || !EXTERNAL_ACCESS_TYPES.includes(analyzer.type)) return analyzer;
      const findings = await attemptPages(ctx, target('access-analyzer', region, 'ListFindings', analyzer.name), () =>
        paginateListFindings({ client }, { analyzerArn: analyzer.arn, filter: { status: { eq: ['ACTIVE'] } } }),
      );
      return {
        ...analyzer,
        activeFindings: mapCollected(findings, (list) =>
          list
            .flatMap((page) => page.findings ?? [])
            // The filter is applied by the service; this keeps the meaning if an endpoint ignores it.
            .filter((f) => f.status === 'ACTIVE')
            .map((f) => ({
              id: f.id ?? '',
              resource: f.resource ?? null,
              resourceType: f.resourceType ?? 'UNKNOWN',
              resourceOwnerAccount: f.resourceOwnerAccount ?? null,
              principal: f.principal ?? {},
              isPublic: f.isPublic ?? false,
              actions: f.action ?? [],
            })),
        ),
      };
    }),
  );
}
