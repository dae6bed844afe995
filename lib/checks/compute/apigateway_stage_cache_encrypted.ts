import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { computeRef } from './helpers/resources.js';

export const check = defineCheck({
  id: 'apigateway_stage_cache_encrypted',
  title: 'API Gateway REST stage caches are encrypted',
  service: 'apigateway',
  reads: ['compute'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale:
    'A stage cache holds API responses, which for an ePHI API are ePHI at rest. Same semantics as Prowler apigateway_restapi_cache_encrypted: only stages with a cache cluster are judged; the `*/*` method setting and every override must encrypt cache data.',
  remediation:
    'aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/*/*/caching/dataEncrypted,value=true',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.compute.regions, (r) => r.restApis, 'REST API stages with a cache', (api, region) => {
      const apiRef = computeRef(snapshot, api.arn, api.id, 'AWS::ApiGateway::RestApi', region);
      return withCollected(api.stages, apiRef, (stages) =>
        stages
          .filter((s) => s.cacheClusterEnabled)
          .map((s) => {
            const resource = computeRef(snapshot, s.arn, `${api.id}/${s.name}`, 'AWS::ApiGateway::Stage', region);
            const name = `REST API stage ${api.id}/${s.name} (${api.name})`;
            return s.unencryptedCacheSettings.length === 0
              ? pass(resource, `${name} encrypts its cache`)
              : fail(resource, `${name} caches without encryption for method settings ${s.unencryptedCacheSettings.join(', ')}`);
          }),
      );
    }),
});
