import { eachRegion } from '../kit/regions.js';
import { fail, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';

export const check = defineCheck({
  id: 'emr_block_public_access_enabled',
  title: 'EMR block public access is on in every region',
  service: 'elasticmapreduce',
  reads: ['compute'],
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  severity: 'high',
  rationale:
    'EMR block public access stops any cluster from launching with a security group that opens ports to 0.0.0.0/0 or ::/0, which would expose the data nodes processing ePHI. Same semantics as Prowler emr_cluster_account_public_block_enabled and Security Hub EMR.2; the permitted port exceptions are named in the reason.',
  remediation:
    'aws emr put-block-public-access-configuration --region <region> --block-public-access-configuration BlockPublicSecurityGroupRules=true,PermittedPublicSecurityGroupRuleRanges=[{MinRange=22,MaxRange=22}]',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.compute.regions, (region, data, scope) =>
      withCollected(data.emrBlockPublicAccess, scope, (block) => [
        block.blockPublicSecurityGroupRules
          ? pass(scope, `EMR block public access is on in ${region} for account ${snapshot.accountId} (permitted ports: ${block.permittedPortRanges.join(', ') || 'none'})`)
          : fail(scope, `EMR block public access is off in ${region} for account ${snapshot.accountId}`),
      ]),
    ),
});
