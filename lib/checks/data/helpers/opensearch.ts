import type { ResourceRef } from '../../../model/resource.js';
import type { OpenSearchDomain, OpenSearchDomainConfig } from '../../../snapshot/data.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { CheckResult } from '../../types.js';
import { dataResource, eachDataItem, withResourceDetail } from './items.js';

/** Every OpenSearch/Elasticsearch domain with its DescribeDomains configuration (ERROR on the domain when its batch failed). */
export function eachDomain(
  snapshot: AccountSnapshot,
  evaluate: (domain: OpenSearchDomain, config: OpenSearchDomainConfig, resource: ResourceRef) => CheckResult,
): CheckResult[] {
  return eachDataItem(snapshot, (r) => r.openSearchDomains, 'OpenSearch domains', (domain, region) => {
    const resource = dataResource(snapshot, domain.arn, domain.name, 'AWS::OpenSearch::Domain', region);
    return withResourceDetail(domain.config, resource, 'the configuration', (config) => evaluate(domain, config, resource));
  });
}
