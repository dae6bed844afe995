import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem, withResourceDetail } from './helpers/items.js';

export const check = defineCheck({
  id: 'sagemaker_notebook_no_direct_internet_access',
  title: 'SageMaker notebook instances have no direct internet access',
  service: 'sagemaker',
  reads: ['data'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'high',
  rationale:
    'With direct internet access the notebook can send data anywhere, bypassing the VPC\'s egress controls and flow logs (AWS Config sagemaker-notebook-no-direct-internet-access).',
  remediation:
    'Recreate the notebook in a VPC subnet with direct internet access disabled: aws sagemaker create-notebook-instance --notebook-instance-name <name> --subnet-id <subnet> --security-group-ids <sg> --direct-internet-access Disabled ...',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.notebookInstances, 'SageMaker notebook instances', (notebook, region) => {
      const resource = dataResource(snapshot, notebook.arn, notebook.name, 'AWS::SageMaker::NotebookInstance', region);
      return withResourceDetail(notebook.details, resource, 'the notebook settings', (details) =>
        details.directInternetAccess
          ? fail(resource, `SageMaker notebook ${notebook.name} has direct internet access`)
          : pass(resource, `SageMaker notebook ${notebook.name} has direct internet access disabled`),
      );
    }),
});
