import type { AccessFinding } from '../../snapshot/external.js';
import { defineCheck } from '../types.js';
import { fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { eachRegion } from '../kit/regions.js';
import { analyzerResource, describePrincipal, findingResource, isActiveExternalAccessAnalyzer } from './helpers/analyzers.js';

export const check = defineCheck({
  id: 'accessanalyzer_no_active_external_findings',
  title: 'No resource is shared outside the zone of trust (active IAM Access Analyzer findings)',
  service: 'accessanalyzer',
  reads: ['external'],
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.308(b)(1)'],
  severity: 'high',
  rationale:
    'Each active Access Analyzer finding is a resource that a principal outside the account or organization can reach; if it holds ePHI, that principal either is a business associate under a BAA or is an exposure. ' +
    'One FAIL per resource lists every external principal with the actions granted; an analyzer with no active findings passes; a region without an active external-access analyzer is reported by accessanalyzer_region_enabled. ' +
    'Archived findings (intended access, recorded with an archive rule) do not count.',
  remediation:
    'Remove the external grant from the resource policy named in the finding, or, if the access is intended and covered by a BAA, archive it: aws accessanalyzer update-findings --analyzer-arn <analyzer-arn> --ids <finding-id> --status ARCHIVED (better: an archive rule for the vendor account).',
  evaluate(snapshot) {
    return eachRegion(snapshot, snapshot.external.regions, (region, data, scope) =>
      withCollected(data.analyzers, scope, (analyzers) => {
        const external = analyzers.filter(isActiveExternalAccessAnalyzer);
        if (external.length === 0) return [notApplicable(scope, `No active external-access IAM Access Analyzer in ${region} (see accessanalyzer_region_enabled)`)];
        return external.flatMap((analyzer) =>
          withCollected(analyzer.activeFindings, analyzerResource(snapshot, analyzer, region), (findings) => {
            if (findings.length === 0) return [pass(analyzerResource(snapshot, analyzer, region), `IAM Access Analyzer ${analyzer.name} has no active findings in ${region}`)];
            const byResource = new Map<string, AccessFinding[]>();
            for (const f of findings) {
              const key = findingResource(snapshot, f, region).arn;
              const group = byResource.get(key);
              if (group) group.push(f);
              else byResource.set(key, [f]);
            }
            return [...byResource.values()].map((group) => {
              const [first] = group as [AccessFinding, ...AccessFinding[]];
              const resource = findingResource(snapshot, first, region);
              const ids = group.map((f) => f.id).join(', ');
              return fail(resource, `${resource.type} ${resource.arn} is accessible to ${group.map(describePrincipal).join('; ')} (finding ${ids}, analyzer ${analyzer.name})`);
            });
          }),
        );
      }),
    );
  },
});
