import { defineCheck } from '../types.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { account } from './helpers/resources.js';

export const check = defineCheck({
  id: 'account_security_contact_designated',
  title: 'A security contact is designated for the account',
  service: 'account',
  reads: ['iam'],
  citations: ['164.308(a)(2)'],
  severity: 'medium',
  rationale:
    'HIPAA requires an identified security official; the SECURITY alternate contact is where AWS sends security notifications for this account, so it must reach that person.',
  remediation:
    'Account > Alternate contacts > Security contact > Edit, or aws account put-alternate-contact --alternate-contact-type SECURITY --name <name> --title <title> --email-address <officer email> --phone-number <phone>.',
  evaluate(snapshot, _now, thresholds) {
    const acct = account(snapshot);
    const officers = thresholds.officerEmails.map((e) => e.toLowerCase());
    return withCollected(snapshot.iam.securityContact, acct, (contact) => {
      if (contact === null) return [fail(acct, `Account ${snapshot.accountId} has no SECURITY alternate contact`)];
      const email = contact.email ?? '';
      if (officers.length > 0 && !officers.includes(email.toLowerCase())) {
        return [
          fail(acct, `Account ${snapshot.accountId} SECURITY contact ${email || '(no email)'} is not a configured security officer address`),
        ];
      }
      return [pass(acct, `Account ${snapshot.accountId} SECURITY contact is ${contact.name ?? '(no name)'} <${email}>`)];
    });
  },
});
