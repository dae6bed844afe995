import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { dataResource, eachDataItem, withResourceDetail } from './helpers/items.js';

export const check = defineCheck({
  id: 'sagemaker_notebook_root_access_disabled',
  title: 'SageMaker notebook instances do not give users root access',
  service: 'sagemaker',
  reads: ['data'],
  citations: ['164.312(a)(1)'],
  severity: 'medium',
  rationale:
    'Root on the notebook lets a user change its network, logging and package sources and read other users\' files (AWS Config sagemaker-notebook-instance-root-access-check, Prowler sagemaker_notebook_instance_root_access_disabled).',
  remediation: 'aws sagemaker stop-notebook-instance --notebook-instance-name <name>; aws sagemaker update-notebook-instance --notebook-instance-name <name> --root-access Disabled',
  evaluate: (snapshot) =>
    eachDataItem(snapshot, (r) => r.notebookInstances, 'SageMaker notebook instances', (notebook, region) => {
      const resource = dataResource(snapshot, notebook.arn, notebook.name, 'AWS::SageMaker::NotebookInstance', region);
      return withResourceDetail(notebook.details, resource, 'the notebook settings', (details) =>
        details.rootAccess
          ? fail(resource, `SageMaker notebook ${notebook.name} gives users root access`)
          : pass(resource, `SageMaker notebook ${notebook.name} has root access disabled`),
      );
    }),
});
