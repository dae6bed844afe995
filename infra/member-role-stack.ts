import { Aws, CfnParameter, DefaultStackSynthesizer, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { MEMBER_READ_ACTIONS, RESOURCE_SCOPED_ACTIONS } from './collector-actions.js';

export interface MemberRoleStackProps extends StackProps {
  memberRoleName: string;
  /**
   * Default for the ExternalId parameter: the pipeline's configured externalId. Unset, the parameter has no
   * default and must be given the pipeline stack's ExternalId output (unique per deployment).
   */
  externalId?: string;
}

/**
 * The read-only role in every audited account. Written to be deployed by CloudFormation StackSets:
 * no assets and no bootstrap-version rule (member accounts are not CDK-bootstrapped), inputs as
 * parameters, and a fixed role name so the pipeline can build its ARN from the account id.
 */
export class MemberRoleStack extends Stack {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: MemberRoleStackProps) {
    super(scope, id, {
      description: 'HIPAA audit: read-only member role assumed by the central audit pipeline',
      synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
      ...props,
    });
    const collectorRoleArn = new CfnParameter(this, 'CollectorRoleArn', {
      type: 'String',
      description: 'CollectorRoleArn output of the HipaaAuditStack (the only principal trusted by this role)',
      allowedPattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/.+$',
    });
    const externalId = new CfnParameter(this, 'ExternalId', {
      type: 'String',
      ...(props.externalId ? { default: props.externalId } : {}),
      description: 'sts:ExternalId the collector presents: the ExternalId output of the HipaaAuditStack',
      minLength: 2,
      maxLength: 1224,
      allowedPattern: '^[\\w+=,.@:/-]+$',
    });

    this.role = new iam.Role(this, 'ReadOnlyRole', {
      roleName: props.memberRoleName,
      description: 'HIPAA audit collector: read-only configuration metadata, no data-plane reads',
      assumedBy: new iam.ArnPrincipal(collectorRoleArn.valueAsString).withConditions({
        StringEquals: { 'sts:ExternalId': externalId.valueAsString },
      }),
    });
    const policy = new iam.ManagedPolicy(this, 'ReadOnlyPolicy', {
      roles: [this.role],
      description: 'Exactly the API actions the HIPAA audit collectors call',
      statements: [
        new iam.PolicyStatement({
          sid: 'CollectorReadActions',
          actions: MEMBER_READ_ACTIONS.filter((action) => !(action in RESOURCE_SCOPED_ACTIONS)),
          resources: ['*'],
        }),
        ...Object.entries(RESOURCE_SCOPED_ACTIONS).map(
          ([action, resources]) =>
            new iam.PolicyStatement({
              actions: [action],
              resources: (resources ?? []).map((r) => r.replace('<partition>', Aws.PARTITION)),
            }),
        ),
      ],
    });
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'The collectors enumerate every resource of the account (List*/Describe*), which IAM only authorizes on Resource *; the actions are an explicit list of configuration reads with no data-plane access.',
    });
    for (const resource of Object.values(RESOURCE_SCOPED_ACTIONS).flat()) {
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${resource?.replace('<partition>', '<AWS::Partition>') ?? ''}]`,
        reason: 'API Gateway paths in every region the scan covers; scoped to configuration listings, never /apikeys.',
      });
    }
  }
}
