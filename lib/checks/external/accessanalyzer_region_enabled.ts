import { defineCheck } from '../types.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { eachRegion } from '../kit/regions.js';
import { isActiveExternalAccessAnalyzer } from './helpers/analyzers.js';

export const check = defineCheck({
  id: 'accessanalyzer_region_enabled',
  title: 'IAM Access Analyzer for external access is active in every scanned region',
  service: 'accessanalyzer',
  reads: ['external'],
  citations: ['164.312(a)(1)', '164.308(a)(1)(ii)(D)'],
  severity: 'medium',
  rationale:
    'IAM Access Analyzer continuously finds S3 buckets, KMS keys, roles, snapshots and other resources shared with principals outside the account or organization, the exposures through which ePHI leaves the zone of trust. ' +
    'It is regional, so every scanned region needs an ACTIVE analyzer of type ACCOUNT or ORGANIZATION (as Prowler\'s accessanalyzer_enabled); unused-access analyzers do not report external access and do not count.',
  remediation:
    'aws accessanalyzer create-analyzer --analyzer-name <name> --type ACCOUNT --region <region> (or --type ORGANIZATION from the delegated administrator account).',
  evaluate(snapshot) {
    const regions = snapshot.external.regions;
    return eachRegion(snapshot, regions, (region, data, scope) =>
      withCollected(data.analyzers, scope, (analyzers) => {
        const active = analyzers.find(isActiveExternalAccessAnalyzer);
        if (active) return [pass(scope, `IAM Access Analyzer ${active.name} (${active.type}) is active in ${region}`)];
        if (analyzers.length === 0) return [fail(scope, `No IAM Access Analyzer in ${region}`)];
        const found = analyzers.map((a) => `${a.name} (${a.type}, ${a.status})`).join(', ');
        return [fail(scope, `No active external-access IAM Access Analyzer in ${region}; found ${found}`)];
      }),
    );
  },
});
