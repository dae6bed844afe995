import { z } from 'zod';
import type { HipaaCitation } from '../hipaa/specifications.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import type { Thresholds } from './thresholds.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CHECK_STATUSES = ['PASS', 'FAIL', 'ERROR', 'NOT_APPLICABLE'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

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

/** One verdict about one resource. `reason` is one line and names the resource. */
export interface CheckResult {
  status: CheckStatus;
  resource: ResourceRef;
  reason: string;
}

export interface CheckDefinition {
  /** `service_resource_control`; also the file name under lib/checks/<family>/. */
  id: string;
  title: string;
  /** AWS service the check reads (`iam`, `cloudtrail`, `s3`, ...). */
  service: string;
  citations: readonly HipaaCitation[];
  severity: Severity;
  rationale: string;
  remediation: string;
  /** Pure and synchronous; never calls AWS. `now` is injected so time-based checks are testable. */
  evaluate(snapshot: AccountSnapshot, now: Date, thresholds: Thresholds): CheckResult[];
}

export function defineCheck(definition: CheckDefinition): CheckDefinition {
  return Object.freeze({ ...definition, citations: Object.freeze([...definition.citations]) });
}
