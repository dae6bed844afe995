import { eachRegion } from '../kit/regions.js';
import { errorResult, fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'macie_automated_discovery_enabled',
  title: 'Amazon Macie is enabled with automated sensitive data discovery',
  service: 'macie2',
  reads: ['logging'],
  citations: ['164.308(a)(1)(ii)(A)'],
  severity: 'medium',
  rationale:
    'A risk analysis starts with knowing where ePHI is. Macie with automated sensitive data discovery samples every S3 ' +
    'bucket continuously and reports which ones hold health, identity or financial data, so an ePHI copy in an unexpected ' +
    'bucket is found. Combines Prowler macie_is_enabled (session ENABLED; PAUSED fails) with ' +
    'macie_automated_sensitive_data_discovery_enabled; unlike Prowler we do not pass a region without buckets, since ' +
    'S3 buckets are listed account-wide and a new one is sampled only if discovery is already on.',
  remediation:
    'aws macie2 enable-macie --region <region>, then aws macie2 update-automated-discovery-configuration --status ENABLED --region <region> ' +
    '(Console: Amazon Macie > Get started; Settings > Automated discovery > Enable).',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.logging.regions, (region, data, scope) =>
      withCollected(data.macie, scope, (macie) => {
        if (macie.status === null || macie.automatedDiscovery === null) return [fail(scope, `Amazon Macie is not enabled in ${region}`)];
        if (macie.status !== 'ENABLED') return [fail(scope, `Amazon Macie is ${macie.status} in ${region}`)];
        const discovery = macie.automatedDiscovery;
        if (discovery.error) {
          return [errorResult(scope, `Could not assess Macie automated discovery in ${region}: ${discovery.error.operation} failed with ${discovery.error.code}`)];
        }
        if (discovery.data === 'ENABLED') return [pass(scope, `Amazon Macie is enabled in ${region} with automated sensitive data discovery`)];
        return [fail(scope, `Amazon Macie is enabled in ${region} but automated sensitive data discovery is ${discovery.data}`)];
      }),
    ),
});
