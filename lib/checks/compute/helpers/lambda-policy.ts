import type { PolicyStatement } from '../../../snapshot/compute.js';

/** Actions that let a principal invoke the function (directly or through its URL). */
const INVOKE_ACTION = /^(\*|lambda:\*|lambda:Invoke\*|lambda:InvokeFunction|lambda:InvokeFunctionUrl)$/i;

/** Condition keys that tie a statement to specific callers or source resources. */
const SOURCE_KEYS = [
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:sourcevpc',
  'aws:sourcevpce',
];
/** For service principals only the source resource or account narrows the caller (confused deputy). */
const SERVICE_SOURCE_KEYS = ['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceowner', 'aws:sourceorgid', 'aws:sourceorgpaths'];

const hasAny = (s: PolicyStatement, keys: readonly string[]) => keys.some((k) => (s.conditions[k]?.length ?? 0) > 0);
const isAnyone = (value: string) => value === '*' || /^arn:[^:]+:iam::\*:/.test(value);

/**
 * Why a statement lets callers outside the account's control invoke the function, or null. Public:
 * Principal `*` (or any account) without a caller/source condition; a service principal without a
 * source condition lets any account's resources of that service invoke it (Security Hub Lambda.1).
 */
export function publicInvokeReason(s: PolicyStatement): string | null {
  if (s.effect !== 'Allow' || !s.actions.some((a) => INVOKE_ACTION.test(a))) return null;
  const label = s.sid ? `statement ${s.sid}` : 'a statement';
  const anyone = s.principals.find((p) => (p.type === 'AWS' || p.type === 'CanonicalUser') && isAnyone(p.value));
  if (anyone && !hasAny(s, SOURCE_KEYS)) return `${label} allows principal ${anyone.value} without a source condition`;
  const service = s.principals.find((p) => p.type === 'Service');
  if (service && !hasAny(s, SERVICE_SOURCE_KEYS)) {
    return `${label} allows service ${service.value} without aws:SourceArn or aws:SourceAccount`;
  }
  return null;
}
