import { CustomResource, Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { SIGNING_KEY_FINGERPRINT_CONCURRENCY } from '../../lib/config/lambda-concurrency.js';
import { AuditFunction } from './audit-function.js';

export interface SigningKeyFingerprintProps {
  signingKey: kms.IKey;
  dataKey: kms.IKey;
}

/**
 * The signing key's fingerprint as a deploy-time value (`fingerprint`): a custom resource whose handler
 * calls kms:GetPublicKey and hashes the public key exactly as the sealer does. An auditor reads it from the
 * stack outputs, independently of any bundle, and pins it with `verify --trusted-key-fingerprint`.
 */
export class SigningKeyFingerprint extends Construct {
  readonly fingerprint: string;
  readonly handler: AuditFunction;

  constructor(scope: Construct, id: string, props: SigningKeyFingerprintProps) {
    super(scope, id);
    this.handler = new AuditFunction(this, 'Handler', {
      entry: 'signing-key-fingerprint.ts',
      description: "Deploy time: reads the manifest signing key's public key and returns its SHA-256 fingerprint",
      timeout: Duration.minutes(1),
      memorySize: 256,
      reservedConcurrency: SIGNING_KEY_FINGERPRINT_CONCURRENCY,
      environment: {},
      dataKey: props.dataKey,
    });
    this.handler.allow(new iam.PolicyStatement({ sid: 'ReadSigningPublicKey', actions: ['kms:GetPublicKey'], resources: [props.signingKey.keyArn] }));
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: this.handler.fn.functionArn,
      resourceType: 'Custom::SigningKeyFingerprint',
      properties: { KeyId: props.signingKey.keyArn },
    });
    resource.node.addDependency(this.handler.policy);
    this.fingerprint = resource.getAttString('Fingerprint');
    Validations.of(this.handler.fn).acknowledge(
      {
        id: 'HIPAA.Security-LambdaDLQ',
        reason: 'Invoked only by CloudFormation during a deployment, which waits for the answer and fails the deployment on error or timeout; a DLQ would hold nothing anyone acts on.',
      },
      {
        id: 'HIPAA.Security-LambdaInsideVPC',
        reason: 'Calls only the public KMS API (GetPublicKey) and the CloudFormation response URL at deploy time; it holds no data.',
      },
    );
  }
}
