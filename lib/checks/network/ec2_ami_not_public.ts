import { eachRegionalItem } from '../kit/regions.js';
import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { networkResource } from './helpers/resources.js';

export const check = defineCheck({
  id: 'ec2_ami_not_public',
  title: 'AMIs owned by the account are not public',
  service: 'ec2',
  reads: ['network'],
  citations: ['164.312(a)(1)'],
  severity: 'critical',
  rationale:
    'A public AMI lets any AWS account launch a copy of the image, with everything baked into its volumes: application data, ' +
    'configuration, credentials and any ePHI left on disk. Same semantics as Prowler ec2_ami_public (the image\'s Public flag, ' +
    'read from DescribeImages with Owners=self).',
  remediation: 'aws ec2 modify-image-attribute --image-id <ami-id> --launch-permission "Remove=[{Group=all}]"',
  evaluate: (snapshot) =>
    eachRegionalItem(snapshot, snapshot.network.regions, (r) => r.images, 'AMIs owned by the account', (image, region) => {
      const resource = networkResource(snapshot, region, 'AWS::EC2::Image', image.id, image.arn);
      const title = `AMI ${image.id}${image.name ? ` (${image.name})` : ''}`;
      return [
        image.public
          ? fail(resource, `${title} is public: any AWS account can launch it`)
          : pass(resource, `${title} is private`),
      ];
    }),
});
