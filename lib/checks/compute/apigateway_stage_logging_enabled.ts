import { fail, pass, withCollected } from '../kit/results.js';
import { eachRegion } from '../kit/regions.js';
import { notApplicable } from '../kit/results.js';
import { defineCheck, type CheckResult } from '../types.js';
import { computeRef } from './helpers/resources.js';

const EXECUTION_LOGGING = new Set(['ERROR', 'INFO']);

export const check = defineCheck({
  id: 'apigateway_stage_logging_enabled',
  title: 'API Gateway stages log requests',
  service: 'apigateway',
  reads: ['compute'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    'Stage logs are the record of calls to APIs that front ePHI. A REST stage passes with execution logging (ERROR or INFO) or access logging, as in Prowler apigateway_restapi_logging_enabled and the Config rule api-gw-execution-logging-enabled; an HTTP or WebSocket stage passes with access logging (as Prowler apigatewayv2_api_access_logging_enabled).',
  remediation:
    'REST: aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/*/*/logging/loglevel,value=ERROR (needs the account CloudWatch role) or op=replace,path=/accessLogSettings/destinationArn,value=<log-group-arn>; HTTP: aws apigatewayv2 update-stage --api-id <api-id> --stage-name <stage> --access-log-settings DestinationArn=<log-group-arn>,Format=<format>',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.compute.regions, (region, data, scope) => {
      const rest = withCollected(data.restApis, scope, (apis) =>
        apis.flatMap((api) => {
          const apiRef = computeRef(snapshot, api.arn, api.id, 'AWS::ApiGateway::RestApi', region);
          return withCollected(api.stages, apiRef, (stages) =>
            stages.map((s): CheckResult => {
              const resource = computeRef(snapshot, s.arn, `${api.id}/${s.name}`, 'AWS::ApiGateway::Stage', region);
              const name = `REST API stage ${api.id}/${s.name} (${api.name})`;
              const execution = s.executionLogLevel !== null && EXECUTION_LOGGING.has(s.executionLogLevel);
              if (execution || s.accessLogDestination) {
                const what = [execution ? `execution logging ${s.executionLogLevel}` : null, s.accessLogDestination ? 'access logging' : null];
                return pass(resource, `${name} has ${what.filter(Boolean).join(' and ')}`);
              }
              return fail(resource, `${name} has neither execution nor access logging`);
            }),
          );
        }),
      );
      const http = withCollected(data.httpApis, scope, (apis) =>
        apis.flatMap((api) => {
          const apiRef = computeRef(snapshot, api.arn, api.id, 'AWS::ApiGatewayV2::Api', region);
          return withCollected(api.stages, apiRef, (stages) =>
            stages.map((s): CheckResult => {
              const resource = computeRef(snapshot, s.arn, `${api.id}/${s.name}`, 'AWS::ApiGatewayV2::Stage', region);
              const name = `${api.protocolType} API stage ${api.id}/${s.name} (${api.name})`;
              return s.accessLogDestination
                ? pass(resource, `${name} has access logging`)
                : fail(resource, `${name} has no access logging`);
            }),
          );
        }),
      );
      const results = [...rest, ...http];
      return results.length > 0 ? results : [notApplicable(scope, `No API Gateway stages in ${region}`)];
    }),
});
