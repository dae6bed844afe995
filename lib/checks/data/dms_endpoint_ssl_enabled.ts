import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem } from './helpers/items.js';

/**
 * Engines DMS reaches through AWS service APIs, always over HTTPS: SslMode does not apply to them.
 * Every other engine is a database connection whose TLS is controlled by SslMode.
 */
const AWS_API_ENGINES = new Set(['s3', 'dynamodb', 'kinesis', 'elasticsearch', 'opensearch', 'neptune', 'timestream', 'redshift-serverless']);

export const check = defineCheck({
  id: 'dms_endpoint_ssl_enabled',
  title: 'DMS database endpoints use SSL',
  service: 'dms',
  reads: ['data'],
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  rationale:
    'Migration moves whole tables of ePHI between databases; with SslMode none the connection is clear text (AWS Config dms-endpoint-ssl-configured, Prowler dms_endpoint_ssl_enabled). Endpoints for AWS service targets (S3, DynamoDB, Kinesis, OpenSearch, Neptune, ...) always use HTTPS and have no SslMode; they are not evaluated.',
  remediation: 'aws dms modify-endpoint --endpoint-arn <endpoint-arn> --ssl-mode verify-full --certificate-arn <dms-certificate-arn>',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.dmsEndpoints, 'DMS database endpoints', (endpoint, region) => {
      if (AWS_API_ENGINES.has(endpoint.engine)) return [];
      const resource = dataResource(snapshot, endpoint.arn, endpoint.id, 'AWS::DMS::Endpoint', region);
      const mode = endpoint.sslMode ?? 'none';
      return [
        mode === 'none'
          ? fail(resource, `DMS endpoint ${endpoint.id} (${endpoint.engine}) does not use SSL (SslMode none)`)
          : pass(resource, `DMS endpoint ${endpoint.id} (${endpoint.engine}) uses SSL (SslMode ${mode})`),
      ];
    }),
});
