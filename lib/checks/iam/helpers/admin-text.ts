/** Shared rationale of the per-principal administrator checks (what "can do everything" means here). */
export const ADMIN_ACCESS_RATIONALE =
  'a principal that can perform every action on every resource can read all ePHI and switch off every safeguard, so it must be a deliberate, reviewed exception. ' +
  'Counted as everything: an Allow of "*" or "*:*" (or NotAction) on "Resource": "*" in any attached, inline or group policy, including AWS managed AdministratorAccess, whatever its Condition (as Prowler and AWS Config read it). ' +
  'An unconditioned Deny of "*" on "*" or a permissions boundary without such access cancels it; service control policies are not visible from the account and are not evaluated.';
