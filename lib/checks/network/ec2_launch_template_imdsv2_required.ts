import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { describeImds, imdsRefusesV1 } from './helpers/imds.js';
import { networkResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ec2_launch_template_imdsv2_required',
  title: 'Launch templates require IMDSv2',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)'],
  severity: 'medium',
  rationale:
    'Instances launched from a template that does not require IMDSv2 answer IMDSv1, which lets a server-side request forgery ' +
    "steal the instance role's credentials (see ec2_instance_imdsv2_required); fixing the template fixes every future instance. " +
    'As AWS Config ec2-launch-template-imdsv2-check, the default version fails unless HttpTokens is required; a template ' +
    'that disables the metadata endpoint passes.',
  remediation:
    'aws ec2 create-launch-template-version --launch-template-id <lt-id> --source-version <default-version> ' +
    '--launch-template-data \'{"MetadataOptions":{"HttpTokens":"required"}}\', then ' +
    'aws ec2 modify-launch-template --launch-template-id <lt-id> --default-version <new-version>',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.network.regions, (r) => r.launchTemplates, 'launch templates', (template, region) => {
      const resource = networkResource(snapshot, region, 'AWS::EC2::LaunchTemplate', template.id, template.arn);
      const title = `Launch template ${template.id} (${template.name}) version ${template.defaultVersion}`;
      const setting = describeImds(template.httpTokens, template.httpEndpoint);
      return [
        imdsRefusesV1(template.httpTokens, template.httpEndpoint)
          ? pass(resource, `${title} has ${setting}`)
          : fail(resource, `${title} does not require IMDSv2 (${setting})`),
      ];
    }),
});
