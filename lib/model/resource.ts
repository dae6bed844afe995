import { z } from 'zod';

/** The resource a verdict is about. */
export const ResourceRefSchema = z.object({
  arn: z.string(),
  id: z.string(),
  /** CloudFormation-style type, e.g. `AWS::IAM::User`, `AWS::::Account`. */
  type: z.string(),
  /** `global` for IAM, CloudFront and account-level resources. */
  region: z.string(),
  accountId: z.string(),
});
export type ResourceRef = z.infer<typeof ResourceRefSchema>;
