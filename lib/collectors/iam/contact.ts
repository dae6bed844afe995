import { AccountClient, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { failed, ok, type Collected } from '../../snapshot/collected.js';
import { attemptOrAbsent, type CollectContext } from '../../collect/context.js';
import type { SecurityContact } from '../../snapshot/iam.js';

/** The SECURITY alternate contact; ResourceNotFoundException means none is designated. */
export async function collectSecurityContact(ctx: CollectContext): Promise<Collected<SecurityContact | null>> {
  const client = ctx.clients.get(AccountClient, ctx.homeRegion);
  const res = await attemptOrAbsent(
    ctx,
    { service: 'account', region: ctx.homeRegion, operation: 'GetAlternateContact', target: 'SECURITY' },
    ['ResourceNotFoundException'],
    async () => {
      const response = await client.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' }));
      // Keep the phone number out of the evidence: only who and where to email are needed.
      const contact = response.AlternateContact;
      return contact
        ? { Name: contact.Name ?? null, EmailAddress: contact.EmailAddress ?? null, Title: contact.Title ?? null }
        : null;
    },
  );
  if (res.error) return failed(res.error);
  const c = res.data;
  return ok(c ? { name: c.Name, email: c.EmailAddress, title: c.Title } : null);
}
