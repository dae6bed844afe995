import { defineCheck } from '../types.js';
import { fail, pass } from '../kit/results.js';
import { genericNameReason } from './helpers/user-names.js';
import { perIamUser } from './helpers/resources.js';

export const check = defineCheck({
  id: 'iam_user_unique_identity',
  title: 'IAM user names identify one individual',
  service: 'iam',
  reads: ['iam'],
  citations: ['164.312(a)(2)(i)'],
  severity: 'medium',
  rationale:
    'Generic or shared accounts (admin, shared, team...) make activity in the audit trail impossible to attribute to a person.',
  remediation:
    'Create one IAM Identity Center or IAM user per person, move the people to them, then delete the shared user (aws iam delete-user after removing its credentials).',
  evaluate(snapshot) {
    return perIamUser(snapshot, (u, resource) => {
      const reason = genericNameReason(u.name);
      return reason === null
        ? pass(resource, `IAM user ${u.name} has an individual name`)
        : fail(resource, `IAM user ${u.name} looks shared or generic: ${reason}`);
    });
  },
});
