import type { LogGroup, Trail } from '../../../snapshot/logging.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import type { ResourceRef } from '../../../model/resource.js';
import { resourceRef } from '../../kit/results.js';

export function trailResource(trail: Trail, snapshot: AccountSnapshot): ResourceRef {
  // Organization trails belong to the management account, which the ARN names.
  const owner = trail.arn.split(':')[4] || snapshot.accountId;
  return { arn: trail.arn, id: trail.name, type: 'AWS::CloudTrail::Trail', region: trail.homeRegion, accountId: owner };
}

export function logGroupResource(group: LogGroup, region: string, snapshot: AccountSnapshot): ResourceRef {
  const arn = group.arn || `arn:${snapshot.partition}:logs:${region}:${snapshot.accountId}:log-group:${group.name}`;
  return resourceRef(snapshot, arn, group.name, 'AWS::Logs::LogGroup', region);
}

export function vpcResource(vpcId: string, ownerId: string | undefined, region: string, snapshot: AccountSnapshot): ResourceRef {
  const owner = ownerId ?? snapshot.accountId;
  return {
    arn: `arn:${snapshot.partition}:ec2:${region}:${owner}:vpc/${vpcId}`,
    id: vpcId,
    type: 'AWS::EC2::VPC',
    region,
    accountId: owner,
  };
}
