import type { CfnResource } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { AuditFunction } from '../../infra/constructs/audit-function.js';
import type { PipelineConfig } from '../../lib/config/pipeline-config.js';
import type { Definition } from '../infra/definition.js';
import { synthesize } from '../infra/synth.js';

// moto's default account: the one requests without assumed-role credentials land in (MOTO_ACCOUNT_ID would pin every
// request, assumed roles included, to one account).
export const HARNESS_ACCOUNT = '123456789012';
/** CloudFormation's stack id: the UUID at its end is unique to one stack (the derived ExternalId uses it). */
export const HARNESS_STACK_ID = `arn:aws:cloudformation:us-east-1:${HARNESS_ACCOUNT}:stack/HipaaAuditStack/4f2c7d3e-1a2b-4c5d-8e9f-0a1b2c3d4e5f`;
export const HARNESS_REGION = 'us-east-1';

/** What the deployment would run: the definition, which handler each Lambda ARN is, and the schedule's input. */
export interface SynthesizedWorkflow {
  template: Template;
  /** The state machine definition with every CloudFormation token resolved (see `resolveToken`). */
  definition: Definition;
  /** Lambda function ARN (as resolved in the definition) -> handler file under functions/. */
  handlerByArn: Map<string, string>;
  /** Exactly what the scan schedule's target sends to StartExecution. */
  scheduleInput: unknown;
  /** Names the harness gave to the stack's resources (logical id -> name, id or ARN). */
  resourceNames: Map<string, string>;
  /** The Lambdas' environment variables as deployed, with the resources' names resolved. */
  environment: Record<string, string>;
}

export interface HarnessResourceNames {
  tableName: string;
  evidenceBucket: string;
  workBucket: string;
  bundleBucket: string;
  signingKeyId: string;
  signingKeyFingerprint: string;
}

export function lambdaArn(logicalId: string): string {
  return `arn:aws:lambda:${HARNESS_REGION}:${HARNESS_ACCOUNT}:function:${logicalId}`;
}

/**
 * Synthesizes the real app (without bundling) and reads back what CloudFormation would deploy. Tokens in
 * the DefinitionString become what CloudFormation would substitute: a Lambda's `Fn::GetAtt Arn` its ARN
 * (named after its logical id), a `Ref` to a bucket the name given in `names`, pseudo parameters their
 * harness values. Anything else is an error, so a new kind of token cannot slip through unexamined.
 */
export function synthesizedWorkflow(config: PipelineConfig, names: HarnessResourceNames): SynthesizedWorkflow {
  const synth = synthesize({ config });
  if (synth.violations.length > 0) throw new Error(`synthesis reported cdk-nag findings: ${synth.violations.map((v) => v.rule).join(', ')}`);
  const template = synth.pipeline;
  const stack = synth.built.pipelineStack;

  const handlerByArn = new Map<string, string>();
  for (const construct of stack.node.findAll()) {
    if (construct instanceof AuditFunction) {
      handlerByArn.set(lambdaArn(stack.getLogicalId(construct.fn.node.defaultChild as CfnResource)), construct.entry);
    }
  }
  const resourceNames = new Map<string, string>();
  for (const [id, resource] of Object.entries(template.findResources('AWS::S3::Bucket'))) {
    const props = (resource as { Properties?: { ObjectLockEnabled?: boolean; LifecycleConfiguration?: { Rules?: { Id?: string }[] } } }).Properties;
    if (props?.ObjectLockEnabled) resourceNames.set(id, names.evidenceBucket);
    if (props?.LifecycleConfiguration?.Rules?.some((r) => r.Id === 'expire-work-data')) resourceNames.set(id, names.workBucket);
    if (props?.LifecycleConfiguration?.Rules?.some((r) => r.Id === 'expire-bundles')) resourceNames.set(id, names.bundleBucket);
  }
  for (const id of Object.keys(template.findResources('AWS::DynamoDB::Table'))) resourceNames.set(id, names.tableName);
  for (const [id, resource] of Object.entries(template.findResources('AWS::KMS::Key'))) {
    if ((resource as { Properties?: { KeySpec?: string } }).Properties?.KeySpec === 'ECC_NIST_P256') resourceNames.set(id, names.signingKeyId);
  }
  for (const id of Object.keys(template.findResources('Custom::SigningKeyFingerprint'))) resourceNames.set(`${id}.Fingerprint`, names.signingKeyFingerprint);
  for (const id of Object.keys(template.findResources('AWS::IAM::Role'))) resourceNames.set(`${id}.Arn`, `arn:aws:iam::${HARNESS_ACCOUNT}:role/${id}`);

  const environment: Record<string, string> = {};
  for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
    const variables = (fn as { Properties: { Environment?: { Variables?: Record<string, unknown> } } }).Properties.Environment?.Variables ?? {};
    for (const [name, value] of Object.entries(variables)) {
      environment[name] = resolveString(value, (token) => resolveToken(token, handlerByArn, resourceNames));
    }
  }

  const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  if (machines.length !== 1) throw new Error(`expected one state machine, found ${machines.length}`);
  const body = (machines[0] as { Properties: { DefinitionString: unknown } }).Properties.DefinitionString;
  const definition = JSON.parse(resolveString(body, (token) => resolveToken(token, handlerByArn, resourceNames))) as Definition;

  const machineId = Object.keys(template.findResources('AWS::StepFunctions::StateMachine'))[0];
  const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')) as { Properties: { Target: { Arn: unknown; Input: string } } }[];
  const scanSchedule = schedules.find((s) => JSON.stringify(s.Properties.Target.Arn) === JSON.stringify({ Ref: machineId }));
  if (!scanSchedule) throw new Error('no schedule targets the state machine');
  return { template, definition, handlerByArn, scheduleInput: JSON.parse(scanSchedule.Properties.Target.Input), resourceNames, environment };
}

function resolveString(value: unknown, resolve: (token: Record<string, unknown>) => string): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) return resolve(value as Record<string, unknown>);
  return join[1].map((part) => (typeof part === 'string' ? part : resolve(part as Record<string, unknown>))).join(join[0]);
}

function resolveToken(token: Record<string, unknown>, handlerByArn: Map<string, string>, names: Map<string, string>): string {
  const getAtt = token['Fn::GetAtt'] as [string, string] | undefined;
  if (getAtt && getAtt[1] === 'Arn' && handlerByArn.has(lambdaArn(getAtt[0]))) return lambdaArn(getAtt[0]);
  if (getAtt && names.has(`${getAtt[0]}.${getAtt[1]}`)) return names.get(`${getAtt[0]}.${getAtt[1]}`) ?? '';
  const ref = token.Ref as string | undefined;
  if (ref === 'AWS::Partition') return 'aws';
  if (ref === 'AWS::Region') return HARNESS_REGION;
  if (ref === 'AWS::AccountId') return HARNESS_ACCOUNT;
  if (ref === 'AWS::StackId') return HARNESS_STACK_ID;
  // Fn::Select over Fn::Split (the derived ExternalId takes the UUID out of the stack id).
  const select = token['Fn::Select'] as [number | string, Record<string, unknown>] | undefined;
  const split = select?.[1]['Fn::Split'] as [string, unknown] | undefined;
  if (select && split) {
    const whole = resolveString(split[1], (t) => resolveToken(t, handlerByArn, names));
    return whole.split(split[0])[Number(select[0])] ?? '';
  }
  if (ref && names.has(ref)) return names.get(ref) ?? '';
  throw new Error(`the harness cannot resolve the definition token ${JSON.stringify(token)}`);
}
