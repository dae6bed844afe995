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
import { check as iamGroupHasMembers } from './iam_group_has_members.js';
import { check as iamGroupNoAdminAccess } from './iam_group_no_admin_access.js';
import { check as iamGroupNoInlinePolicies } from './iam_group_no_inline_policies.js';
import { check as iamInlinePolicyNoKmsDecryptAllKeys } from './iam_inline_policy_no_kms_decrypt_all_keys.js';
import { check as iamPolicyNoKmsDecryptAllKeys } from './iam_policy_no_kms_decrypt_all_keys.js';
import { check as iamRoleExternalTrustKnownVendor } from './iam_role_external_trust_known_vendor.js';
import { check as iamRoleNoAdminAccess } from './iam_role_no_admin_access.js';
import { check as iamRoleNoInlinePolicies } from './iam_role_no_inline_policies.js';
import { check as iamRoleTrustNotPublic } from './iam_role_trust_not_public.js';
import { check as iamUserMfaEnabledAll } from './iam_user_mfa_enabled_all.js';
import { check as iamUserNoAdminAccess } from './iam_user_no_admin_access.js';

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
  iamUserMfaEnabledAll,
  iamUserNoAdminAccess,
  iamGroupNoAdminAccess,
  iamRoleNoAdminAccess,
  iamPolicyNoKmsDecryptAllKeys,
  iamInlinePolicyNoKmsDecryptAllKeys,
  iamGroupNoInlinePolicies,
  iamRoleNoInlinePolicies,
  iamGroupHasMembers,
  iamRoleExternalTrustKnownVendor,
  iamRoleTrustNotPublic,
];
