import { ArtifactClient, paginateListCustomerAgreements } from '../../aws/artifact-client.js';
import { failed, ok, type Collected } from '../../snapshot/collected.js';
import { attemptPages, target, type CollectContext } from '../../collect/context.js';
import type { CustomerAgreement } from '../../snapshot/external.js';

/** AWS Artifact's API is served from us-east-1 in the commercial partition; elsewhere the home region is used. */
function artifactRegion(ctx: CollectContext): string {
  return ctx.partition === 'aws' ? 'us-east-1' : ctx.homeRegion;
}

/** The agreements the account (or its organization) has accepted; the API lists active ones. */
export async function collectAgreements(ctx: CollectContext): Promise<Collected<CustomerAgreement[]>> {
  const region = artifactRegion(ctx);
  const client = ctx.clients.get(ArtifactClient, region);
  const pages = await attemptPages(ctx, target('artifact', region, 'ListCustomerAgreements'), () =>
    paginateListCustomerAgreements({ client }, {}),
  );
  if (pages.error) return failed(pages.error);
  return ok(
    pages.data.flatMap((page) =>
      page.customerAgreements.map((a) => ({
        name: a.name ?? '',
        arn: a.arn ?? '',
        agreementArn: a.agreementArn ?? null,
        awsAccountId: a.awsAccountId ?? null,
        organizationArn: a.organizationArn ?? null,
        state: a.state ?? 'UNKNOWN',
        type: a.type ?? null,
        effectiveStart: a.effectiveStart?.toISOString() ?? null,
      })),
    ),
  );
}
