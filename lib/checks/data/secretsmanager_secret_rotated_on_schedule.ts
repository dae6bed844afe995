import { daysBetween, fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

const DAY_MS = 86_400_000;

export const check = defineCheck({
  id: 'secretsmanager_secret_rotated_on_schedule',
  title: 'Secrets Manager secrets with rotation were rotated within their rotation window',
  service: 'secretsmanager',
  reads: ['data'],
  citations: ['164.308(a)(5)(ii)(D)', '164.312(d)'],
  severity: 'medium',
  rationale:
    'Rotation that is configured but keeps failing leaves the old password in use. As AWS Config secretsmanager-scheduled-rotation-success-check, a rotating secret fails when its rotation is overdue: the last rotation (or creation, if never rotated) is older than the rotation interval, or, for cron schedules, the scheduled next rotation date has passed. Secrets without rotation are left to secretsmanager_secret_rotation_enabled.',
  remediation:
    'Look at the rotation function\'s CloudWatch logs (/aws/lambda/<rotation-function>) for the failing step, fix it, then aws secretsmanager rotate-secret --secret-id <secret-arn>.',
  evaluate: (snapshot, now) =>
    eachDataItem(snapshot, (r) => r.secrets, 'Secrets Manager secrets with rotation enabled', (secret, region) => {
      if (!secret.rotationEnabled) return [];
      const resource = dataResource(snapshot, secret.arn, secret.name, 'AWS::SecretsManager::Secret', region);
      const since = secret.lastRotatedDate ?? secret.createdDate;
      const sinceWhat = secret.lastRotatedDate ? 'last rotated' : 'never rotated, created';
      if (secret.rotationDays !== null && since !== null) {
        const due = new Date(new Date(since).getTime() + secret.rotationDays * DAY_MS);
        const age = daysBetween(since, now);
        return [
          now > due
            ? fail(resource, `Secret ${secret.name} is overdue for rotation: ${sinceWhat} ${age} days ago, rotation every ${secret.rotationDays} days`)
            : pass(resource, `Secret ${secret.name} was ${sinceWhat} ${age} days ago, within its ${secret.rotationDays}-day rotation window`),
        ];
      }
      if (secret.nextRotationDate !== null) {
        return [
          now > new Date(secret.nextRotationDate)
            ? fail(resource, `Secret ${secret.name} is overdue for rotation: next rotation was due ${secret.nextRotationDate}`)
            : pass(resource, `Secret ${secret.name} is next due for rotation ${secret.nextRotationDate}`),
        ];
      }
      return [fail(resource, `Secret ${secret.name} has rotation enabled but no rotation interval, schedule or next rotation date`)];
    }),
});
