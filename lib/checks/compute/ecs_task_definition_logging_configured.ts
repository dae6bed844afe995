import { fail, pass } from '../kit/results.js';
import { defineCheck } from '../types.js';
import { eachTaskDefinition } from './helpers/task-definitions.js';

export const check = defineCheck({
  id: 'ecs_task_definition_logging_configured',
  title: 'ECS task definitions send container logs somewhere',
  service: 'ecs',
  reads: ['compute'],
  citations: ['164.312(b)'],
  severity: 'medium',
  rationale:
    'Without a logConfiguration a container\'s output vanishes with the task: no record of what the application did with ePHI. Same semantics as Security Hub ECS.9 / Prowler ecs_task_definitions_logging_enabled: every container of the latest ACTIVE revision needs a log driver.',
  remediation:
    'Add "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "<group>", "awslogs-region": "<region>", "awslogs-stream-prefix": "<prefix>"}} to each container definition and register a new revision (aws ecs register-task-definition --cli-input-json file://<task-def>.json)',
  evaluate: (snapshot) =>
    eachTaskDefinition(snapshot, (details, name, resource) => {
      const silent = details.containers.filter((c) => c.logDriver === null).map((c) => c.name);
      return silent.length === 0
        ? pass(resource, `ECS task definition ${name} configures logging for every container`)
        : fail(resource, `ECS task definition ${name} has no logConfiguration for container(s): ${silent.join(', ')}`);
    }),
});
