/** Whole names (digits and separators removed) that denote a role or a pool, not a person. */
const GENERIC_NAMES = new Set([
  'admin', 'administrator', 'root', 'test', 'testuser', 'user', 'temp', 'default', 'demo', 'guest',
  'shared', 'generic', 'team', 'common', 'support', 'ops', 'dev', 'readonly', 'everyone',
]);
/** Words that mark an account as used by several people wherever they appear in the name. */
const SHARED_TOKENS = new Set(['shared', 'generic', 'team', 'common', 'group', 'everyone', 'guest', 'temp']);

/** Why `name` looks like a shared or role account rather than one person, or null when it does not. */
export function genericNameReason(name: string): string | null {
  const lower = name.toLowerCase();
  const whole = lower.replace(/[^a-z]/g, '');
  if (GENERIC_NAMES.has(whole)) return `"${name}" is a generic name`;
  const token = lower
    .split(/[^a-z0-9]+/)
    .map((t) => t.replace(/\d+$/, ''))
    .find((t) => SHARED_TOKENS.has(t));
  return token ? `"${name}" contains "${token}"` : null;
}
