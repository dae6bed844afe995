import type { CheckDefinition } from '../types.js';
import { check as accountSecurityContactDesignated } from './account_security_contact_designated.js';
import { check as iamBreakGlassRolePresent } from './iam_break_glass_role_present.js';
import { check as iamInlinePolicyNoFullAdminWildcard } from './iam_inline_policy_no_full_admin_wildcard.js';
import { check as iamPasswordPolicyComplexity } from './iam_password_policy_complexity.js';
import { check as iamPasswordPolicyMaxAge } from './iam_password_policy_max_age.js';
import { check as iamPasswordPolicyMinLength } from './iam_password_policy_min_length.js';
import { check as iamPasswordPolicyReusePrevention } from './iam_password_policy_reuse_prevention.js';
import { check as iamPolicyNoFullAdminWildcard } from './iam_policy_no_full_admin_wildcard.js';
import { check as iamRoleMaxSessionDuration } from './iam_role_max_session_duration.js';
import { check as iamRootAccessKeysAbsent } from './iam_root_access_keys_absent.js';
import { check as iamRootHardwareMfaEnabled } from './iam_root_hardware_mfa_enabled.js';
import { check as iamRootMfaEnabled } from './iam_root_mfa_enabled.js';
import { check as iamRootRecentUse } from './iam_root_recent_use.js';
import { check as iamSupportRoleExists } from './iam_support_role_exists.js';
import { check as iamUserAccessKeyRotated } from './iam_user_access_key_rotated.js';
import { check as iamUserConsoleMfaEnabled } from './iam_user_console_mfa_enabled.js';
import { check as iamUserNoInlineOrDirectPolicies } from './iam_user_no_inline_or_direct_policies.js';
import { check as iamUserUniqueIdentity } from './iam_user_unique_identity.js';
import { check as iamUserUnusedCredentialsDisabled } from './iam_user_unused_credentials_disabled.js';

/** Root account first, then account-wide settings, then per-principal checks. */
export const iamChecks: readonly CheckDefinition[] = [
  iamRootMfaEnabled,
  iamRootHardwareMfaEnabled,
  iamRootAccessKeysAbsent,
  iamRootRecentUse,
  iamPasswordPolicyMinLength,
  iamPasswordPolicyReusePrevention,
  iamPasswordPolicyMaxAge,
  iamPasswordPolicyComplexity,
  iamUserConsoleMfaEnabled,
  iamUserAccessKeyRotated,
  iamUserUnusedCredentialsDisabled,
  iamUserNoInlineOrDirectPolicies,
  iamUserUniqueIdentity,
  iamPolicyNoFullAdminWildcard,
  iamInlinePolicyNoFullAdminWildcard,
  iamRoleMaxSessionDuration,
  iamBreakGlassRolePresent,
  iamSupportRoleExists,
  accountSecurityContactDesignated,
];
