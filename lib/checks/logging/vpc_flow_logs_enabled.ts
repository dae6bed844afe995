import type { FlowLog } from '../../snapshot/logging.js';
import { fail, notApplicable, pass, withCollected } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachRegion } from '../kit/regions.js';
import { vpcResource } from './helpers/resources.js';

// REJECT-only is the CIS minimum (it records refused connection attempts); ACCEPT-only misses them.
const RECORDS_REJECTED = new Set(['ALL', 'REJECT']);
const usable = (f: FlowLog): boolean =>
  (f.flowLogStatus ?? 'ACTIVE') === 'ACTIVE' && f.deliverLogsStatus !== 'FAILED' && RECORDS_REJECTED.has(f.trafficType ?? '');

export const check = defineCheck({
  id: 'vpc_flow_logs_enabled',
  title: 'VPC flow logs are enabled for every VPC',
  service: 'ec2',
  reads: ['logging'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    'Flow logs are the network-level audit record: which hosts talked to systems holding ePHI, and which connections were refused.',
  remediation:
    'aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type ALL --log-destination-type s3 ' +
    '--log-destination arn:aws:s3:::<bucket> (Console: VPC > Your VPCs > <vpc> > Flow logs > Create flow log).',
  evaluate: (snapshot) =>
    eachRegion(snapshot, snapshot.logging.regions, (region, data, scope) =>
      withCollected(data.vpcs, scope, (vpcs) => {
        if (vpcs.length === 0) return [notApplicable(scope, `No VPCs in ${region}`)];
        return withCollected(data.flowLogs, scope, (flowLogs) =>
          vpcs.map((vpc) => {
            const resource = vpcResource(vpc.vpcId, vpc.ownerId, region, snapshot);
            const own = flowLogs.filter((f) => f.resourceId === vpc.vpcId);
            const good = own.find(usable);
            if (good) return pass(resource, `VPC ${vpc.vpcId} has active flow log ${good.flowLogId} (${good.trafficType} traffic)`);
            if (own.length === 0) return fail(resource, `VPC ${vpc.vpcId} has no flow log`);
            const seen = own.map((f) => `${f.flowLogId}: ${f.trafficType ?? '?'} ${f.flowLogStatus ?? ''}/${f.deliverLogsStatus ?? ''}`);
            return fail(resource, `VPC ${vpc.vpcId} has no active flow log recording rejected traffic (${seen.join('; ')})`);
          }),
        );
      }),
    ),
});
