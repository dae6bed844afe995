import { GetAutomatedDiscoveryConfigurationCommand, GetMacieSessionCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { failed, mapCollected, ok, type Collected } from '../../snapshot/collected.js';
import { attempt, target, type CollectContext } from '../../collect/context.js';
import type { CollectionError } from '../../model/collection-error.js';
import type { Macie } from '../../snapshot/logging.js';

/**
 * Macie answers GetMacieSession in a region where it is not enabled with AccessDeniedException and the
 * message "Macie is not enabled" — the same code as a missing permission, so the message decides. (moto
 * answers ResourceNotFoundException; the call names no resource, so "not found" can only mean no session.)
 * Any other error, including an AccessDeniedException with another message, is a failed collection.
 */
export function isMacieNotEnabled(error: CollectionError): boolean {
  if (error.code === 'ResourceNotFoundException') return true;
  return error.code === 'AccessDeniedException' && /macie is not enabled/i.test(error.message);
}

export async function collectMacie(ctx: CollectContext, region: string): Promise<Collected<Macie>> {
  const client = ctx.clients.get(Macie2Client, region);
  const call = target('macie2', region, 'GetMacieSession');
  const session = await attempt(ctx, call, () => client.send(new GetMacieSessionCommand({})));
  if (session.error) {
    if (!isMacieNotEnabled(session.error)) return failed(session.error);
    ctx.evidence.record(call.service, region, call.operation, { absent: session.error.code, message: session.error.message });
    return ok({ status: null, automatedDiscovery: null });
  }
  // Only with Macie on is there a discovery configuration to read.
  const discovery = await attempt(ctx, target('macie2', region, 'GetAutomatedDiscoveryConfiguration'), () =>
    client.send(new GetAutomatedDiscoveryConfigurationCommand({})),
  );
  return ok({
    status: session.data.status ?? 'UNKNOWN',
    automatedDiscovery: mapCollected(discovery, (r) => r.status ?? 'UNKNOWN'),
  });
}
