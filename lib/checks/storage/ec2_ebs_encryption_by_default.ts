import { fail, pass, withCollected } from '../kit/results.js';
import { eachRegion } from '../kit/regions.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'ec2_ebs_encryption_by_default',
  title: 'EBS encryption by default is enabled in each region',
  service: 'ec2',
  reads: ['storage'],
  citations: ['164.312(a)(2)(iv)'],
  severity: 'medium',
  rationale: 'With encryption by default, every new EBS volume and snapshot copy is encrypted even if the creator forgets.',
  remediation: 'aws ec2 enable-ebs-encryption-by-default --region <region> (EC2 console > Settings > EBS encryption).',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.storage.regions, (region, data, resource) =>
      withCollected(data.ebsEncryptionByDefault, resource, (enabled) => [
        enabled
          ? pass(resource, `EBS encryption by default is enabled in ${region}`)
          : fail(resource, `EBS encryption by default is disabled in ${region}`),
      ]),
    ),
});
