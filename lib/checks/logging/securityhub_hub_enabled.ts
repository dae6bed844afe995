import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachRegion } from '../kit/regions.js';

export const check = defineCheck({
  id: 'securityhub_hub_enabled',
  title: 'Security Hub is enabled',
  service: 'securityhub',
  reads: ['logging'],
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(8)'],
  severity: 'medium',
  rationale:
    'Security Hub continuously evaluates the account against security standards and aggregates findings, ' +
    'supporting periodic technical evaluation and activity review.',
  remediation: 'aws securityhub enable-security-hub --enable-default-standards (Console: Security Hub > Go to Security Hub > Enable), in every region.',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.logging.regions, (region, data, scope) =>
      withCollected(data.securityHub, scope, (hub) =>
        hub.enabled
          ? [pass(scope, `Security Hub is enabled in ${region}${hub.hubArn ? ` (${hub.hubArn})` : ''}`)]
          : [fail(scope, `Security Hub is not enabled in ${region}`)],
      ),
    ),
});
