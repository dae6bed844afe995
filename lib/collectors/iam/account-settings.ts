import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  IAMClient,
  paginateListVirtualMFADevices,
  type ListVirtualMFADevicesCommandOutput,
} from '@aws-sdk/client-iam';
import { failed, ok, type Collected } from '../../snapshot/collected.js';
import { attempt, attemptOrAbsent, attemptPages, type CollectContext } from '../../collect/context.js';
import type { AccountSummary, PasswordPolicy, VirtualMfaDevice } from '../../snapshot/iam.js';

export async function collectPasswordPolicy(ctx: CollectContext): Promise<Collected<PasswordPolicy | null>> {
  const client = ctx.clients.get(IAMClient, ctx.homeRegion);
  // NoSuchEntity is IAM's answer for "this account has no password policy": data, not an error.
  const res = await attemptOrAbsent(
    ctx,
    { service: 'iam', region: ctx.homeRegion, operation: 'GetAccountPasswordPolicy' },
    ['NoSuchEntity', 'NoSuchEntityException'],
    () => client.send(new GetAccountPasswordPolicyCommand({})),
  );
  if (res.error) return failed(res.error);
  const p = res.data?.PasswordPolicy;
  if (!p) return ok(null);
  return ok({
    minimumPasswordLength: p.MinimumPasswordLength ?? null,
    requireSymbols: p.RequireSymbols ?? false,
    requireNumbers: p.RequireNumbers ?? false,
    requireUppercaseCharacters: p.RequireUppercaseCharacters ?? false,
    requireLowercaseCharacters: p.RequireLowercaseCharacters ?? false,
    expirePasswords: p.ExpirePasswords ?? false,
    maxPasswordAge: p.MaxPasswordAge ?? null,
    passwordReusePrevention: p.PasswordReusePrevention ?? null,
    hardExpiry: p.HardExpiry ?? false,
  });
}

export async function collectAccountSummary(ctx: CollectContext): Promise<Collected<AccountSummary>> {
  const client = ctx.clients.get(IAMClient, ctx.homeRegion);
  const res = await attempt(ctx, { service: 'iam', region: ctx.homeRegion, operation: 'GetAccountSummary' }, () =>
    client.send(new GetAccountSummaryCommand({})),
  );
  if (res.error) return failed(res.error);
  const map = res.data.SummaryMap ?? {};
  return ok({
    accountMfaEnabled: map.AccountMFAEnabled === 1,
    accountAccessKeysPresent: map.AccountAccessKeysPresent === 1,
  });
}

export async function collectVirtualMfaDevices(ctx: CollectContext): Promise<Collected<VirtualMfaDevice[]>> {
  const client = ctx.clients.get(IAMClient, ctx.homeRegion);
  const pages = await attemptPages(
    ctx,
    { service: 'iam', region: ctx.homeRegion, operation: 'ListVirtualMFADevices' },
    () => withoutSeeds(paginateListVirtualMFADevices({ client }, {})),
  );
  if (pages.error) return failed(pages.error);
  return ok(
    pages.data.flatMap((page) =>
      (page.VirtualMFADevices ?? []).map((d) => ({
        serialNumber: d.SerialNumber ?? '',
        userArn: d.User?.Arn ?? null,
        enableDate: d.EnableDate?.toISOString() ?? null,
      })),
    ),
  );
}

/**
 * The response shape allows the TOTP seed and QR code (some emulators fill them in); they are
 * secrets, so they are dropped before the page is recorded as evidence.
 */
async function* withoutSeeds(
  pages: AsyncIterable<ListVirtualMFADevicesCommandOutput>,
): AsyncGenerator<ListVirtualMFADevicesCommandOutput> {
  for await (const page of pages) {
    yield {
      ...page,
      VirtualMFADevices: (page.VirtualMFADevices ?? []).map(
        ({ Base32StringSeed: _seed, QRCodePNG: _qr, ...device }) => device,
      ),
    };
  }
}
