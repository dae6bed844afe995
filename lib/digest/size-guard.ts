import type { DigestInput } from './input.js';

/** Gmail clips a message body above 102 KB ("[Message clipped]"), hiding the rest: stay under 100 KB. */
export const MAX_HTML_BYTES = 100_000;

/**
 * Steps tried in order until the HTML fits: fewer items per list, shorter free text. Lists always
 * end with "and N more", so what is left out is still counted.
 */
export const SIZE_STEPS: readonly { maxItemsPerList: number; maxTextChars: number }[] = [
  { maxItemsPerList: 15, maxTextChars: 600 },
  { maxItemsPerList: 8, maxTextChars: 400 },
  { maxItemsPerList: 4, maxTextChars: 240 },
  { maxItemsPerList: 2, maxTextChars: 160 },
  { maxItemsPerList: 1, maxTextChars: 100 },
];

const CUT = '… (cut; full text in the evidence bundle)';

function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max)}${CUT}` : value;
}

/**
 * Every free-text string of the input cut to `max` characters, and the unbounded lists (accounts,
 * regions, security contacts) cut to `maxItems` with the rest counted. The bundle link is never cut
 * (a cut URL is a broken link).
 */
export function boundInput(input: DigestInput, max: number, maxItems: number): DigestInput {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return clip(value, max);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  // Never cut: a link, a command to copy and a fingerprint to compare are useless when clipped.
  const bounded = walk({ ...input, bundleLink: undefined, bundleMissing: undefined, signingKeyFingerprint: undefined }) as DigestInput;
  const listCap = Math.max(maxItems * 4, 10);
  const capList = (items: readonly string[]) => (items.length > listCap ? [...items.slice(0, listCap), `and ${items.length - listCap} more`] : [...items]);
  const contacts = input.securityContact.accounts;
  const needsAttention = bounded.securityContact.accounts.filter((a) => a.status !== 'OK');
  const accountsShown = needsAttention.length > listCap ? needsAttention.slice(0, listCap) : bounded.securityContact.accounts.slice(0, listCap);
  return {
    ...bounded,
    accounts: capList(bounded.accounts),
    regions: capList(bounded.regions),
    runs: bounded.runs.slice(0, listCap),
    postureByStandard: bounded.postureByStandard,
    securityContact: { ...bounded.securityContact, accounts: contacts.length > accountsShown.length ? accountsShown : bounded.securityContact.accounts },
    ...(input.bundleLink ? { bundleLink: input.bundleLink } : {}),
    ...(input.bundleMissing ? { bundleMissing: input.bundleMissing } : {}),
    ...(input.signingKeyFingerprint ? { signingKeyFingerprint: input.signingKeyFingerprint } : {}),
  };
}
