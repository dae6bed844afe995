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
 * Users, groups, roles and managed policies in one paginated call. With the AWSManagedPolicy filter IAM
 * returns the AWS managed policies in use in the account (not all ~1,300), which is how a principal
 * holding AdministratorAccess is recognised by what the policy allows. Emulators may return every AWS
 * managed policy; those attached nowhere are dropped.
 */
export async function collectAuthorizationDetails(ctx: CollectContext): Promise<Collected<AuthorizationDetails>> {
  const client = ctx.clients.get(IAMClient, ctx.homeRegion);
  const pages = await attemptPages(
    ctx,
    { service: 'iam', region: ctx.homeRegion, operation: 'GetAccountAuthorizationDetails' },
    () => paginateGetAccountAuthorizationDetails({ client }, { Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'] }),
  );
  if (pages.error) return failed(pages.error);
  const details: AuthorizationDetails = { users: [], groups: [], roles: [], policies: [], awsManagedPolicies: [] };
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
      details.roles.push({ ...principal(r.RoleName, r.RoleId, r.RolePolicyList, r), trustPolicy: parsePolicyDocument(r.AssumeRolePolicyDocument) });
    }
    for (const p of page.Policies ?? []) {
      if (!isAwsManaged(p.Arn)) details.policies.push(managedPolicy(p));
      else if ((p.AttachmentCount ?? 0) > 0 || (p.PermissionsBoundaryUsageCount ?? 0) > 0) {
        details.awsManagedPolicies.push(managedPolicy(p));
      }
    }
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

/** AWS managed policies live under the reserved account `aws`: arn:<partition>:iam::aws:policy/... */
function isAwsManaged(arn: string | undefined): boolean {
  return /^arn:[^:]+:iam::aws:policy\//.test(arn ?? '');
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
  p: {
    Arn?: string;
    Path?: string;
    CreateDate?: Date;
    Tags?: Tag[];
    AttachedManagedPolicies?: SdkAttachedPolicy[];
    PermissionsBoundary?: { PermissionsBoundaryArn?: string };
  },
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
    permissionsBoundaryArn: p.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
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
