import type { ResourceRef } from '../../../model/resource.js';
import type { AuthorizationDetails } from '../../../snapshot/iam.js';
import { errorResult, fail, pass } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { assessAdminAccess, type PrincipalPolicies } from './admin-access.js';

/** One principal's verdict for the *_no_admin_access checks; `label` is e.g. `IAM user bob`. */
export function adminAccessResult(
  details: AuthorizationDetails,
  principal: PrincipalPolicies,
  resource: ResourceRef,
  label: string,
): CheckResult {
  const assessment = assessAdminAccess(details, principal);
  switch (assessment.kind) {
    case 'admin':
      return fail(resource, `${label} can do everything via ${assessment.paths.join('; via ')}`);
    case 'limited':
      return pass(resource, `${label} has a policy allowing everything, but ${assessment.why}`);
    case 'unknown':
      return errorResult(resource, `${label}: ${assessment.unreadable.join(', ')} could not be read, so full access cannot be ruled out`);
    case 'none':
      return pass(resource, `${label} has no policy allowing every action on every resource`);
  }
}

/** Service-linked roles belong to AWS services, which define and alone may change their permissions. */
export function isServiceLinkedRole(role: { path: string }): boolean {
  return role.path.startsWith('/aws-service-role/');
}
