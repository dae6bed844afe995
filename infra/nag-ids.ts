import { CfnElement, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * The way cdk-nag spells a resource's `Fn::GetAtt Arn` inside an IAM5 finding id, e.g.
 * `<EvidenceBucket1234ABCD.Arn>`. Built from the real logical id so acknowledgements survive renames.
 */
export function nagArnRef(construct: IConstruct): string {
  const cfn = construct instanceof CfnElement ? construct : construct.node.defaultChild;
  if (!(cfn instanceof CfnElement)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return `<${Stack.of(cfn).getLogicalId(cfn)}.Arn>`;
}
