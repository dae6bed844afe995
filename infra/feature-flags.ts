import type { Construct } from 'constructs';

/**
 * The CDK feature flags whose behaviour the constructs rely on, pinned on the construct's own subtree
 * so a consumer's cdk.json (or none) cannot change what we synthesize and test. A flag is only read
 * through `FeatureFlags.of(construct)`, which looks up the nearest context value from the construct up,
 * so a value set here wins inside our subtree and nowhere else.
 *
 * Found by synthesizing with and without our cdk.json's context and comparing the templates
 * (test/infra/feature-flags.test.ts keeps that comparison).
 */
export const PINNED_FEATURE_FLAGS = {
  // Server access logs are delivered under a bucket policy; the legacy LogDeliveryWrite ACL cannot be
  // set on our log bucket, whose object ownership is BucketOwnerEnforced (ACLs disabled).
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  // The Distributed Map writes its results with ResultWriterV2 (map-results/ in the work bucket, which
  // FinalizeRun reads); without the flag CDK silently drops the ResultWriter from the definition.
  '@aws-cdk/aws-stepfunctions:useDistributedMapResultWriterV2': true,
  // IAM policy documents are merged and sorted. CDK reads this flag at the stack, so it takes effect in
  // the member-role stack (ours) but not in a consumer's stack, where only the order of actions and
  // statements differs (same permissions; test/infra/feature-flags.test.ts compares them order-free).
  '@aws-cdk/aws-iam:minimizePolicies': true,
} as const;

/** Must be called before the construct has children (construct context is frozen after that). */
export function pinFeatureFlags(scope: Construct): void {
  for (const [flag, value] of Object.entries(PINNED_FEATURE_FLAGS)) scope.node.setContext(flag, value);
}
