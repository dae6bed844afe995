import type { ResourceRef } from '../../../model/resource.js';
import type { TaskDefinition } from '../../../snapshot/compute.js';
import type { AccountSnapshot } from '../../../snapshot/schema.js';
import { eachRegionalItem } from '../../kit/regions.js';
import { withCollected } from '../../kit/results.js';
import type { CheckResult } from '../../types.js';
import { computeRef } from './resources.js';

type Details = NonNullable<TaskDefinition['details']['data']>;

/** One verdict per task definition family's latest ACTIVE revision (ERROR on the family when it could not be described). */
export function eachTaskDefinition(
  snapshot: AccountSnapshot,
  evaluate: (details: Details, name: string, resource: ResourceRef) => CheckResult,
): CheckResult[] {
  return eachRegionalItem(snapshot, snapshot.compute.regions, (r) => r.taskDefinitions, 'ECS task definitions', (td, region) => {
    const familyArn = `arn:${snapshot.partition}:ecs:${region}:${snapshot.accountId}:task-definition/${td.family}`;
    const familyRef = computeRef(snapshot, familyArn, td.family, 'AWS::ECS::TaskDefinition', region);
    return withCollected(td.details, familyRef, (details) => {
      const name = `${td.family}:${details.revision}`;
      return [evaluate(details, name, computeRef(snapshot, details.arn, name, 'AWS::ECS::TaskDefinition', region))];
    });
  });
}
