import type { CollectContext } from '../../collect/context.js';
import { collectAccountSummary, collectPasswordPolicy, collectVirtualMfaDevices } from './account-settings.js';
import { collectAuthorizationDetails, collectRoleSessions } from './authorization.js';
import { collectSecurityContact } from './contact.js';
import { collectCredentialReport, DEFAULT_POLLING, type CredentialReportPolling } from './credential-report.js';
import { collectOrganization } from './organization.js';
import type { IamSnapshot } from '../../snapshot/iam.js';

export interface IamCollectOptions {
  credentialReportPolling?: CredentialReportPolling;
}

/** IAM is global: nothing is collected unless the target includes global services. */
export async function collectIam(ctx: CollectContext, options: IamCollectOptions = {}): Promise<IamSnapshot> {
  if (!ctx.includeGlobal) return {};
  ctx.progress?.({ phase: 'collect', detail: `iam (global, ${ctx.homeRegion})` });
  const [authorization, roleSessions, credentialReport, passwordPolicy, accountSummary, virtualMfaDevices, securityContact, organization] =
    await Promise.all([
      collectAuthorizationDetails(ctx),
      collectRoleSessions(ctx),
      collectCredentialReport(ctx, options.credentialReportPolling ?? DEFAULT_POLLING),
      collectPasswordPolicy(ctx),
      collectAccountSummary(ctx),
      collectVirtualMfaDevices(ctx),
      collectSecurityContact(ctx),
      collectOrganization(ctx),
    ]);
  return { authorization, roleSessions, credentialReport, passwordPolicy, accountSummary, virtualMfaDevices, securityContact, organization };
}
