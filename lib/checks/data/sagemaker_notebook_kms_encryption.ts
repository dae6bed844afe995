import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem, withResourceDetail } from './helpers/items.js';

export const check = defineCheck({
  id: 'sagemaker_notebook_kms_encryption',
  title: 'SageMaker notebook instances encrypt their storage with a KMS key',
  service: 'sagemaker',
  reads: ['data'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale:
    'Notebook volumes hold the extracts data scientists work on, often ePHI. A KMS key makes access to that volume governed and logged (AWS Config sagemaker-notebook-instance-kms-key-configured, Prowler sagemaker_notebook_instance_encryption_enabled).',
  remediation:
    'The key is set at creation: stop the notebook, create a new one with aws sagemaker create-notebook-instance --notebook-instance-name <name> --kms-key-id <kms-key-arn> ..., move the work and delete the old instance.',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.notebookInstances, 'SageMaker notebook instances', (notebook, region) => {
      const resource = dataResource(snapshot, notebook.arn, notebook.name, 'AWS::SageMaker::NotebookInstance', region);
      return withResourceDetail(notebook.details, resource, 'the notebook settings', (details) =>
        details.kmsKeyId
          ? pass(resource, `SageMaker notebook ${notebook.name} encrypts its volume with KMS key ${details.kmsKeyId}`)
          : fail(resource, `SageMaker notebook ${notebook.name} has no KMS key for its volume`),
      );
    }),
});
