import {
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  paginateListRoles,
  type AttachedPolicy as SdkAttachedPolicy,
  type ManagedPolicyDetail,
  type PolicyDetail,
  type Tag,
} from '@aws-sdk/client-iam';
import { failed, ok, type Collected } from '../../snapshot/collected.js';
import { attemptPages, type CollectContext } from '../../collect/context.js';
import { parsePolicyDocument } from './policy-document.js';
import type { AttachedPolicy, AuthorizationDetails, InlinePolicy, ManagedPolicy, RoleSession } from '../../snapshot/iam.js';

/**
 * Users, groups, roles and customer managed policies in one paginated call. AWS managed policies are
 * filtered out: there are over a thousand, and checks only need their ARNs (from the attachments).
 */
export async function collectAuthorizationDetails(ctx: CollectContext): Promise<Collected<AuthorizationDetails>> {
  const client = ctx.clients.get(IAMClient, ctx.homeRegion);
  const pages = await attemptPages(
    ctx,
    { service: 'iam', region: ctx.homeRegion, operation: 'GetAccountAuthorizationDetails' },
    () => paginateGetAccountAuthorizationDetails({ client }, { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy'] }),
  );
  if (pages.error) return failed(pages.error);
  const details: AuthorizationDetails = { users: [], groups: [], roles: [], policies: [] };
  for (const page of pages.data) {
    for (const u of page.UserDetailList ?? []) {
      details.users.push({ ...principal(u.UserName, u.UserId, u.UserPolicyList, u), groups: u.GroupList ?? [] });
    }
    for (const g of page.GroupDetailList ?? []) {
      details.groups.push({
        name: g.GroupName ?? '',
        arn: g.Arn ?? '',
        inlinePolicies: inline(g.GroupPolicyList),
        attachedPolicies: attached(g.AttachedManagedPolicies),
      });
    }
    for (const r of page.RoleDetailList ?? []) {
      details.roles.push(principal(r.RoleName, r.RoleId, r.RolePolicyList, r));
    }
    for (const p of page.Policies ?? []) details.policies.push(managedPolicy(p));
  }
  return ok(details);
}

/** MaxSessionDuration is only returned by ListRoles / GetRole, not by GetAccountAuthorizationDetails. */
export async function collectRoleSessions(ctx: CollectContext): Promise<Collected<RoleSession[]>> {
  const client = ctx.clients.get(IAMClient, ctx.homeRegion);
  const pages = await attemptPages(ctx, { service: 'iam', region: ctx.homeRegion, operation: 'ListRoles' }, () =>
    paginateListRoles({ client }, {}),
  );
  if (pages.error) return failed(pages.error);
  return ok(
    pages.data.flatMap((page) =>
      (page.Roles ?? []).map((r) => ({
        name: r.RoleName ?? '',
        arn: r.Arn ?? '',
        path: r.Path ?? '/',
        maxSessionDuration: r.MaxSessionDuration ?? null,
      })),
    ),
  );
}

function managedPolicy(p: ManagedPolicyDetail): ManagedPolicy {
  const version = (p.PolicyVersionList ?? []).find((v) => v.IsDefaultVersion) ?? null;
  return {
    // Some emulators omit PolicyName here; the name is the ARN's last path segment.
    name: p.PolicyName ?? p.Arn?.split('/').pop() ?? '',
    arn: p.Arn ?? '',
    path: p.Path ?? '/',
    attachmentCount: p.AttachmentCount ?? 0,
    defaultVersionId: p.DefaultVersionId ?? null,
    document: parsePolicyDocument(version?.Document),
  };
}

/** The fields users and roles share; only the names of their name, id and inline-policy fields differ. */
function principal(
  name: string | undefined,
  id: string | undefined,
  inlinePolicies: PolicyDetail[] | undefined,
  p: { Arn?: string; Path?: string; CreateDate?: Date; Tags?: Tag[]; AttachedManagedPolicies?: SdkAttachedPolicy[] },
) {
  return {
    name: name ?? '',
    id: id ?? '',
    arn: p.Arn ?? '',
    path: p.Path ?? '/',
    createDate: p.CreateDate?.toISOString() ?? null,
    tags: tags(p.Tags),
    inlinePolicies: inline(inlinePolicies),
    attachedPolicies: attached(p.AttachedManagedPolicies),
  };
}

function inline(list: PolicyDetail[] | undefined): InlinePolicy[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? '', document: parsePolicyDocument(p.PolicyDocument) }));
}

function attached(list: SdkAttachedPolicy[] | undefined): AttachedPolicy[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' }));
}

function tags(list: Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}
