import { defineCheck } from '../types.js';
import { fail, pass } from '../kit/results.js';
import { perIamUser } from './helpers/resources.js';

/** Whole names (digits and separators removed) that denote a role or a pool, not a person. */
const GENERIC_NAMES = new Set([
  'admin', 'administrator', 'root', 'test', 'testuser', 'user', 'temp', 'default', 'demo', 'guest',
  'shared', 'generic', 'team', 'common', 'support', 'ops', 'dev', 'readonly', 'everyone',
]);
/** Words that mark an account as used by several people wherever they appear in the name. */
const SHARED_TOKENS = new Set(['shared', 'generic', 'team', 'common', 'group', 'everyone', 'guest', 'temp']);

export function genericReason(name: string): string | null {
  const lower = name.toLowerCase();
  const whole = lower.replace(/[^a-z]/g, '');
  if (GENERIC_NAMES.has(whole)) return `"${name}" is a generic name`;
  const token = lower
    .split(/[^a-z0-9]+/)
    .map((t) => t.replace(/\d+$/, ''))
    .find((t) => SHARED_TOKENS.has(t));
  return token ? `"${name}" contains "${token}"` : null;
}

export const check = defineCheck({
  id: 'iam_user_unique_identity',
  title: 'IAM user names identify one individual',
  service: 'iam',
  citations: ['164.312(a)(2)(i)'],
  severity: 'medium',
  rationale:
    'Generic or shared accounts (admin, shared, team...) make activity in the audit trail impossible to attribute to a person.',
  remediation:
    'Create one IAM Identity Center or IAM user per person, move the people to them, then delete the shared user (aws iam delete-user after removing its credentials).',
  evaluate(snapshot) {
    return perIamUser(snapshot, (u, resource) => {
      const reason = genericReason(u.name);
      return reason === null
        ? pass(resource, `IAM user ${u.name} has an individual name`)
        : fail(resource, `IAM user ${u.name} looks shared or generic: ${reason}`);
    });
  },
});
