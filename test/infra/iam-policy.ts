import type { Template } from 'aws-cdk-lib/assertions';

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Condition?: Record<string, unknown>;
}

interface PolicyResource {
  Type: string;
  Properties: { Roles?: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } };
}

/** All Allow statements that apply to a role: managed and inline policies naming it, plus Role.Policies. */
export function roleStatements(template: Template, roleLogicalId: string): Statement[] {
  const statements: Statement[] = [];
  const resources = template.toJSON().Resources as Record<string, PolicyResource & { Properties: { Policies?: { PolicyDocument: { Statement: Statement[] } }[] } }>;
  for (const [id, res] of Object.entries(resources)) {
    if (res.Type === 'AWS::IAM::ManagedPolicy' || res.Type === 'AWS::IAM::Policy') {
      if (res.Properties.Roles?.some((r) => r.Ref === roleLogicalId)) statements.push(...res.Properties.PolicyDocument.Statement);
    }
    if (id === roleLogicalId) for (const p of res.Properties.Policies ?? []) statements.push(...p.PolicyDocument.Statement);
  }
  return statements;
}

export function actionsOf(statements: readonly Statement[]): string[] {
  return statements.filter((s) => s.Effect === 'Allow').flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

/** The one role whose logical id starts with the given construct-path-derived prefix. */
export function roleId(template: Template, logicalIdPrefix: string): string {
  const ids = Object.keys(template.findResources('AWS::IAM::Role')).filter((id) => id.startsWith(logicalIdPrefix));
  if (ids.length !== 1 || !ids[0]) throw new Error(`expected one role ${logicalIdPrefix}*, found ${ids.join(', ') || 'none'}`);
  return ids[0];
}

/** Configuration reads the collectors may hold; everything else is rejected. */
const READ_ACTION = /^[a-z0-9-]+:(Describe|Get|List)[A-Za-z0-9]*$/;
// GenerateCredentialReport only asks IAM to build the (read-only) report; resource-explorer-2:Search is
// the permission ListResources needs and returns resource metadata (ARN, type, region), never content;
// apigateway:GET is API Gateway's one read action (scoped to configuration paths in the member role);
// inspector2:BatchGetAccountStatus returns only whether Inspector scans are enabled (no findings, no data).
const READ_EXCEPTIONS = new Set(['iam:GenerateCredentialReport', 'resource-explorer-2:Search', 'apigateway:GET', 'inspector2:BatchGetAccountStatus']);
/** Reads of customer data or secrets: forbidden even though their names look like reads. */
export const DATA_PLANE_READS = new Set([
  's3:GetObject',
  's3:GetObjectVersion',
  's3:GetObjectTorrent',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:GetRecords',
  'secretsmanager:GetSecretValue',
  'kms:Decrypt',
  'logs:GetLogEvents',
  'logs:FilterLogEvents',
  'logs:GetQueryResults',
  'logs:GetLogRecord',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'sqs:ReceiveMessage',
  'kinesis:GetRecords',
  'lambda:GetFunction',
  'ec2:GetPasswordData',
  'ec2:GetConsoleOutput',
  'rds:DownloadDBLogFilePortion',
  'glacier:GetJobOutput',
  'athena:GetQueryResults',
  'ecr:GetDownloadUrlForLayer',
  'ecr:BatchGetImage',
  'cloudformation:GetTemplate',
]);

/** Why an action is not an acceptable read-only collector action, or undefined when it is. */
export function readOnlyViolation(action: string): string | undefined {
  if (action.includes('*')) return 'wildcard';
  if (DATA_PLANE_READS.has(action)) return 'data-plane read';
  if (!READ_ACTION.test(action) && !READ_EXCEPTIONS.has(action)) return 'not a Describe/Get/List read';
  return undefined;
}
