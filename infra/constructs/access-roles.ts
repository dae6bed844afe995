import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { nagArnRef } from '../nag-ids.js';

export interface CollectorRoleProps {
  /** Lambda execution roles allowed to chain into the collector role. */
  trustedRoles: iam.IRole[];
  memberRoleName: string;
  /** Explicit target accounts; undefined means "every account of the organization". */
  targetAccounts: readonly string[] | undefined;
}

/**
 * The only identity member roles trust. It can do nothing but assume member roles and list the
 * organization's accounts: the Lambdas that write findings and evidence never hold audited-account
 * credentials directly, and the identity that reads audited accounts cannot write anywhere.
 */
export class CollectorRole extends Construct {
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: CollectorRoleProps) {
    super(scope, id);
    const partition = Stack.of(this).partition;
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.CompositePrincipal(...props.trustedRoles.map((r) => new iam.ArnPrincipal(r.roleArn))),
      description: 'HIPAA audit collector: assumes the read-only member roles (trusted by them with an ExternalId)',
    });
    const memberRoleArns = props.targetAccounts
      ? props.targetAccounts.map((account) => `arn:${partition}:iam::${account}:role/${props.memberRoleName}`)
      : [`arn:${partition}:iam::*:role/${props.memberRoleName}`];
    const assume = new iam.PolicyStatement({
      sid: 'AssumeMemberReadOnlyRoles',
      actions: ['sts:AssumeRole'],
      resources: memberRoleArns,
    });
    const statements = [assume];
    if (!props.targetAccounts) {
      // Organization mode cannot list account ids up front; the wildcard is fenced to this organization.
      assume.addCondition('StringEquals', { 'aws:ResourceOrgID': '${aws:PrincipalOrgID}' });
      statements.push(
        new iam.PolicyStatement({ sid: 'ListOrganizationAccounts', actions: ['organizations:ListAccounts'], resources: ['*'] }),
      );
    }
    this.policy = new iam.ManagedPolicy(this, 'Policy', { roles: [this.role], statements });
    if (!props.targetAccounts) {
      Validations.of(this.policy).acknowledge(
        {
          id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::*:role/${props.memberRoleName}]`,
          reason: 'Organization mode: member accounts are discovered at run time; the statement is limited to the member role name and to roles in the same organization (aws:ResourceOrgID).',
        },
        {
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason: 'organizations:ListAccounts does not support resource-level permissions; it is the only action on Resource *.',
        },
      );
    }
  }
}

export interface AuditorRoleProps {
  evidenceBucket: s3.IBucket;
  dataKey: kms.IKey;
  signingKey: kms.IKey;
}

/** Read-only access for auditors to the evidence and to the public key that verifies manifests. */
export class AuditorRole extends Construct {
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: AuditorRoleProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      // Assumable by principals of this account that an administrator explicitly allows to sts:AssumeRole it.
      assumedBy: new iam.AccountPrincipal(Stack.of(this).account),
      description: 'HIPAA audit auditor: read-only access to the evidence bucket and manifest public key',
    });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          sid: 'ReadEvidenceObjects',
          actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectRetention'],
          resources: [props.evidenceBucket.arnForObjects('*')],
        }),
        // Evidence that lifecycle rules moved to Glacier / Deep Archive is read after a restore
        // (`hipaa-audit bundle --restore`); a restore makes a temporary copy, it changes no evidence.
        new iam.PolicyStatement({ sid: 'RestoreArchivedEvidence', actions: ['s3:RestoreObject'], resources: [props.evidenceBucket.arnForObjects('*')] }),
        new iam.PolicyStatement({ sid: 'ListEvidence', actions: ['s3:ListBucket'], resources: [props.evidenceBucket.bucketArn] }),
        new iam.PolicyStatement({ sid: 'DecryptEvidence', actions: ['kms:Decrypt'], resources: [props.dataKey.keyArn] }),
        new iam.PolicyStatement({ sid: 'VerifyManifests', actions: ['kms:GetPublicKey'], resources: [props.signingKey.keyArn] }),
      ],
    });
    Validations.of(this.policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagArnRef(props.evidenceBucket)}/*]`,
      reason: 'Auditors must be able to read every evidence object in this one bucket; the actions are read-only.',
    });
  }
}

