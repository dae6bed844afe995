import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { networkResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ec2_launch_template_no_public_ip',
  title: 'Launch templates do not assign public IP addresses',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'medium',
  rationale:
    'Every instance an Auto Scaling group or a person launches from the template inherits its network settings; a template ' +
    'that associates a public IP puts each of them on the internet. Same semantics as AWS Config ' +
    'ec2-launch-template-public-ip-disabled: the default version fails when any of its network interfaces sets ' +
    'AssociatePublicIpAddress to true.',
  remediation:
    'aws ec2 create-launch-template-version --launch-template-id <lt-id> --source-version <default-version> ' +
    '--launch-template-data \'{"NetworkInterfaces":[{"DeviceIndex":0,"AssociatePublicIpAddress":false}]}\', then ' +
    'aws ec2 modify-launch-template --launch-template-id <lt-id> --default-version <new-version>',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.network.regions, (r) => r.launchTemplates, 'launch templates', (template, region) => {
      const resource = networkResource(snapshot, region, 'AWS::EC2::LaunchTemplate', template.id, template.arn);
      const title = `Launch template ${template.id} (${template.name}) version ${template.defaultVersion}`;
      const publicDevices = template.networkInterfaces
        .filter((n) => n.associatePublicIpAddress === true)
        .map((n) => `device ${n.deviceIndex ?? '?'}`);
      return [
        publicDevices.length > 0
          ? fail(resource, `${title} associates a public IP address (${publicDevices.join(', ')})`)
          : pass(resource, `${title} associates no public IP address`),
      ];
    }),
});
