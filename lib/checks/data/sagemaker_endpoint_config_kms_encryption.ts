import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem, withResourceDetail } from './helpers/items.js';

export const check = defineCheck({
  id: 'sagemaker_endpoint_config_kms_encryption',
  title: 'SageMaker endpoint configurations encrypt endpoint storage with a KMS key',
  service: 'sagemaker',
  reads: ['data'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale:
    'The key encrypts the ML storage volumes of the hosting instances, where inference inputs and captured data may sit (AWS Config sagemaker-endpoint-configuration-kms-key-configured).',
  remediation:
    'Endpoint configurations are immutable: aws sagemaker create-endpoint-config --endpoint-config-name <new-name> --kms-key-id <kms-key-arn> --production-variants ..., then aws sagemaker update-endpoint --endpoint-name <endpoint> --endpoint-config-name <new-name>.',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.endpointConfigs, 'SageMaker endpoint configurations', (config, region) => {
      const resource = dataResource(snapshot, config.arn, config.name, 'AWS::SageMaker::EndpointConfig', region);
      return withResourceDetail(config.kmsKeyId, resource, 'the endpoint configuration', (kmsKeyId) =>
        kmsKeyId
          ? pass(resource, `SageMaker endpoint configuration ${config.name} uses KMS key ${kmsKeyId}`)
          : fail(resource, `SageMaker endpoint configuration ${config.name} has no KMS key`),
      );
    }),
});
