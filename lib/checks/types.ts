import type { HipaaCitation } from '../model/hipaa.js';
import type { ResourceRef } from '../model/resource.js';
import type { Severity } from '../model/severity.js';
import type { CheckStatus } from '../model/status.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import type { Thresholds } from './thresholds.js';

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
