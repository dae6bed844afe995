import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachTaskDefinition } from './helpers/task-definitions.js';

export const check = defineCheck({
  id: 'ecs_task_definition_not_privileged',
  title: 'ECS task definitions run no privileged containers',
  service: 'ecs',
  reads: ['compute'],
  citations: ['164.312(a)(1)'],
  severity: 'high',
  rationale:
    'A privileged container has root on the host: one compromised container reaches every other task and its ePHI on that instance. Same semantics as Prowler ecs_task_definitions_no_privileged_containers and Security Hub ECS.4 (latest ACTIVE revision of each family).',
  remediation:
    'aws ecs register-task-definition --cli-input-json file://<task-def-without-privileged>.json (remove "privileged": true), then aws ecs update-service --cluster <cluster> --service <service> --task-definition <family>',
  evaluate: (snapshot) =>
    eachTaskDefinition(snapshot, (details, name, resource) => {
      const privileged = details.containers.filter((c) => c.privileged).map((c) => c.name);
      return privileged.length === 0
        ? pass(resource, `ECS task definition ${name} has no privileged containers`)
        : fail(resource, `ECS task definition ${name} runs privileged container(s): ${privileged.join(', ')}`);
    }),
});
