import type { AttachedPolicy, AuthorizationDetails, InlinePolicy } from '../../../snapshot/iam.js';
import {
  appliesToAllResources,
  isEveryAction,
  isReadablePolicy,
  policyStatements,
  type PolicyStatement,
} from './policy-statements.js';

/**
 * Whether a principal can do everything, and by which path. Semantics (documented in the checks):
 * - an `Allow` of `"*"` or `"*:*"` on `"Resource": "*"` grants everything, whatever its Condition (as
 *   Prowler and AWS Config read it: a condition such as MFA or source IP narrows when, not what);
 * - an `Allow` of `NotAction: [...]` on `"*"` grants everything except the listed actions and counts too
 *   (the usual way to hand out near-administrator access);
 * - an unconditioned `Deny` of every action on `"*"` anywhere in the principal's policies cancels it, and so
 *   does a permissions boundary whose document grants no such access;
 * - service control policies and resource policies are not visible from the account and are not evaluated.
 */
export type AdminAssessment =
  | { kind: 'admin'; paths: string[] }
  | { kind: 'limited'; why: string }
  | { kind: 'none' }
  | { kind: 'unknown'; unreadable: string[] };

interface PolicySource {
  /** How the principal holds the policy: `AdministratorAccess`, `group admins -> inline policy x`. */
  path: string;
  /** The parsed document, or undefined when it was not returned or could not be parsed. */
  document: unknown;
}

export interface PrincipalPolicies {
  inlinePolicies: readonly InlinePolicy[];
  attachedPolicies: readonly AttachedPolicy[];
  /** Users only: the groups whose policies the user inherits. */
  groups?: readonly string[];
  permissionsBoundaryArn?: string | null;
}

function managedDocument(details: AuthorizationDetails, arn: string): unknown {
  const policy = details.policies.find((p) => p.arn === arn) ?? details.awsManagedPolicies.find((p) => p.arn === arn);
  return policy?.document ?? undefined;
}

function ownSources(details: AuthorizationDetails, holder: PrincipalPolicies, prefix: string): PolicySource[] {
  return [
    ...holder.inlinePolicies.map((p) => ({ path: `${prefix}inline policy ${p.name}`, document: p.document ?? undefined })),
    ...holder.attachedPolicies.map((p) => ({ path: `${prefix}${p.name}`, document: managedDocument(details, p.arn) })),
  ];
}

function sourcesOf(details: AuthorizationDetails, principal: PrincipalPolicies): PolicySource[] {
  // Roles have no groups (undefined), users may have none ([]).
  const groupSources = (principal.groups === undefined ? [] : principal.groups).flatMap((name) => {
    const group = details.groups.find((g) => g.name === name);
    return group ? ownSources(details, group, `group ${name} -> `) : [];
  });
  return [...ownSources(details, principal, ''), ...groupSources];
}

/** `"*"` on `"*"`, or NotAction on `"*"`; returns how the statement reads in a reason, or null. */
function everythingGrant(statement: PolicyStatement): string | null {
  if (statement.effect !== 'Allow' || !appliesToAllResources(statement)) return null;
  if (statement.actions === null) return `every action except ${statement.notActions.join(', ')}`;
  return statement.actions.some(isEveryAction) ? 'every action' : null;
}

function deniesEverything(statement: PolicyStatement): boolean {
  return (
    statement.effect === 'Deny' &&
    !statement.conditioned &&
    statement.actions !== null &&
    statement.actions.some(isEveryAction) &&
    appliesToAllResources(statement)
  );
}

export function grantsEverything(document: unknown): boolean {
  return policyStatements(document).some((s) => everythingGrant(s) !== null);
}

export function assessAdminAccess(details: AuthorizationDetails, principal: PrincipalPolicies): AdminAssessment {
  const sources = sourcesOf(details, principal);
  const readable = sources.filter((s) => isReadablePolicy(s.document));
  const unreadable = sources.filter((s) => !isReadablePolicy(s.document)).map((s) => s.path);

  const paths = readable.flatMap((s) =>
    policyStatements(s.document)
      .map(everythingGrant)
      .filter((g): g is string => g !== null)
      .map((grant) => (grant === 'every action' ? s.path : `${s.path} (${grant})`)),
  );
  if (paths.length === 0) return unreadable.length > 0 ? { kind: 'unknown', unreadable } : { kind: 'none' };

  const deny = readable.find((s) => policyStatements(s.document).some(deniesEverything));
  if (deny) return { kind: 'limited', why: `${deny.path} denies every action` };

  const boundaryArn = principal.permissionsBoundaryArn ?? null;
  if (boundaryArn !== null) {
    const boundary = managedDocument(details, boundaryArn);
    if (!isReadablePolicy(boundary)) return { kind: 'unknown', unreadable: [`permissions boundary ${boundaryArn}`] };
    if (!grantsEverything(boundary)) return { kind: 'limited', why: `permissions boundary ${boundaryArn} limits it` };
  }
  return { kind: 'admin', paths: [...new Set(paths)] };
}
