import { daysBetween, errorResult, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

export const check = defineCheck({
  id: 'secretsmanager_secret_unused',
  title: 'Secrets Manager secrets are in use',
  service: 'secretsmanager',
  reads: ['data'],
  citations: ['164.308(a)(5)(ii)(D)', '164.312(d)'],
  severity: 'low',
  rationale:
    'A secret nobody reads any more is a credential still valid for whoever kept a copy, e.g. former staff. As AWS Config secretsmanager-secret-unused, a secret not accessed for thresholds.secretUnusedDays (default 90) fails; a secret never accessed is judged by its creation date. Secrets Manager records access to the day, so the count is in whole days.',
  remediation: 'Confirm nothing uses it, then aws secretsmanager delete-secret --secret-id <secret-arn> --recovery-window-in-days 30',
  evaluate: (snapshot, now, thresholds) =>
    eachDataItem(snapshot, (r) => r.secrets, 'Secrets Manager secrets', (secret, region) => {
      const resource = dataResource(snapshot, secret.arn, secret.name, 'AWS::SecretsManager::Secret', region);
      const limit = thresholds.secretUnusedDays;
      if (secret.lastAccessedDate !== null) {
        const days = daysBetween(secret.lastAccessedDate, now);
        return [
          days > limit
            ? fail(resource, `Secret ${secret.name} was last accessed ${days} days ago (limit ${limit})`)
            : pass(resource, `Secret ${secret.name} was last accessed ${days} days ago (limit ${limit})`),
        ];
      }
      if (secret.createdDate === null) return [errorResult(resource, `Secret ${secret.name} reports neither a last accessed date nor a creation date`)];
      const age = daysBetween(secret.createdDate, now);
      return [
        age > limit
          ? fail(resource, `Secret ${secret.name} has never been accessed since it was created ${age} days ago (limit ${limit})`)
          : pass(resource, `Secret ${secret.name} has not been accessed yet; it was created ${age} days ago (limit ${limit})`),
      ];
    }),
});
