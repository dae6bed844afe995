import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { failed, ok, type Collected } from '../../snapshot/collected.js';
import { attemptOrAbsent, target, type CollectContext } from '../../collect/context.js';
import type { Organization } from '../../snapshot/iam.js';

/**
 * The organization the account belongs to: which principals are "same organization" when a role's
 * trust policy is compared with the business-associate register. Member accounts may call this.
 * AWSOrganizationsNotInUseException means the account is standalone: data, not an error.
 */
export async function collectOrganization(ctx: CollectContext): Promise<Collected<Organization | null>> {
  const client = ctx.clients.get(OrganizationsClient, ctx.homeRegion);
  const res = await attemptOrAbsent(
    ctx,
    target('organizations', ctx.homeRegion, 'DescribeOrganization'),
    ['AWSOrganizationsNotInUseException'],
    () => client.send(new DescribeOrganizationCommand({})),
  );
  if (res.error) return failed(res.error);
  const org = res.data?.Organization;
  if (!org) return ok(null);
  return ok({ id: org.Id ?? '', managementAccountId: org.MasterAccountId ?? '' });
}
