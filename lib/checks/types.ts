import type { HipaaCitation } from '../model/hipaa.js';
import type { ResourceRef } from '../model/resource.js';
import type { Severity } from '../model/severity.js';
import type { CheckStatus } from '../model/status.js';
import type { AccountSnapshot, SnapshotFamily } from '../snapshot/schema.js';
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
  /**
   * The snapshot families `evaluate` reads. A scan of selected checks (`--checks`) collects only these;
   * a read of any other family then throws and the check reports ERROR (never a verdict on missing data).
   * test/checks/declared-reads.test.ts evaluates every check with only these families present.
   */
  reads: readonly SnapshotFamily[];
  citations: readonly HipaaCitation[];
  severity: Severity;
  rationale: string;
  remediation: string;
  /** Pure and synchronous; never calls AWS. `now` is injected so time-based checks are testable. */
  evaluate(snapshot: AccountSnapshot, now: Date, thresholds: Thresholds): CheckResult[];
}

export function defineCheck(definition: CheckDefinition): CheckDefinition {
  return Object.freeze({ ...definition, citations: Object.freeze([...definition.citations]), reads: Object.freeze([...definition.reads]) });
}
