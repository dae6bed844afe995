import { findCheck } from '../checks/registry.js';
import type { Finding } from '../model/finding.js';
import { specification } from '../model/hipaa.js';
import type { ScanRun } from '../model/run.js';
import type { Severity } from '../model/severity.js';
import type { FindingStatus } from '../model/status.js';
import { ecfrUrl, exportedFindingId } from './finding-uid.js';
import { PRODUCT } from './product.js';

/**
 * OCSF 1.5.0, the version py-ocsf-models 0.10 (what Prowler emits with) models; the tests validate every
 * event against it. A Compliance Finding (class 2003) rather than Prowler's Detection Finding, because a
 * HIPAA check is a compliance evaluation: the class carries `compliance` as a first-class object.
 */
export const OCSF_VERSION = '1.5.0';

const CLASS = { category_uid: 2, category_name: 'Findings', class_uid: 2003, class_name: 'Compliance Finding' } as const;
const ACTIVITY_CREATE = 1;
/** The HIPAA Security Rule as OCSF `compliance.standards` names it. */
export const OCSF_HIPAA_STANDARD = 'HIPAA Security Rule (45 CFR Part 164, Subpart C)';

const SEVERITY: Record<Severity, { id: number; name: string }> = {
  critical: { id: 5, name: 'Critical' },
  high: { id: 4, name: 'High' },
  medium: { id: 3, name: 'Medium' },
  low: { id: 2, name: 'Low' },
};

/**
 * Our statuses in OCSF terms (README "OCSF"). `compliance.status_id` is the verdict (Pass, Fail, Warning =
 * "did not yield a result due to missing information", which is exactly ERROR); the event's `status_id` is
 * the finding's workflow state (New, or Suppressed under a risk acceptance, whose verdict stays Fail);
 * `status_code` keeps our own status word so nothing is lost in the mapping.
 */
export const OCSF_STATUS: Record<FindingStatus, { complianceStatusId: number; statusId: number; status: string }> = {
  PASS: { complianceStatusId: 1, statusId: 1, status: 'New' },
  FAIL: { complianceStatusId: 3, statusId: 1, status: 'New' },
  ERROR: { complianceStatusId: 2, statusId: 1, status: 'New' },
  NOT_APPLICABLE: { complianceStatusId: 99, statusId: 1, status: 'New' },
  SUPPRESSED: { complianceStatusId: 3, statusId: 3, status: 'Suppressed' },
};

export interface OcsfComplianceFinding {
  activity_id: number;
  activity_name: string;
  category_uid: number;
  category_name: string;
  class_uid: number;
  class_name: string;
  type_uid: number;
  type_name: string;
  time: number;
  message: string;
  severity_id: number;
  severity: string;
  status_id: number;
  status: string;
  status_code: FindingStatus;
  status_detail: string;
  metadata: {
    version: string;
    product: { uid: string; name: string; vendor_name: string; version: string };
    profiles: string[];
    event_code: string;
    correlation_uid: string;
  };
  finding_info: { uid: string; title: string; desc: string; types: string[]; created_time: number; last_seen_time: number };
  compliance: { standards: string[]; requirements: string[]; control: string; desc: string; status_id: number };
  resources: { uid: string; name: string; type: string; region: string; cloud_partition: string }[];
  remediation: { desc: string; references: string[] };
  cloud: { provider: 'AWS'; region?: string; account: { uid: string; name: string; type_id: number; type: string } };
  unmapped?: { suppression: NonNullable<Finding['suppression']> };
}

/** One Compliance Finding event per finding, the run as `metadata.correlation_uid`. */
export function toOcsfFindings(run: Pick<ScanRun, 'id' | 'startedAt' | 'finishedAt'>, findings: readonly Finding[]): OcsfComplianceFinding[] {
  const started = Date.parse(run.startedAt);
  const finished = Date.parse(run.finishedAt);
  return findings.map((f) => toOcsfFinding(f, run.id, started, finished));
}

function toOcsfFinding(f: Finding, runId: string, started: number, finished: number): OcsfComplianceFinding {
  const severity = SEVERITY[f.severity];
  const status = OCSF_STATUS[f.status];
  const specs = f.citations.map(specification);
  const partition = f.resource.arn.startsWith('arn:') ? (f.resource.arn.split(':')[1] ?? 'aws') : 'aws';
  return {
    activity_id: ACTIVITY_CREATE,
    activity_name: 'Create',
    ...CLASS,
    type_uid: CLASS.class_uid * 100 + ACTIVITY_CREATE,
    type_name: 'Compliance Finding: Create',
    time: finished,
    message: f.reason,
    severity_id: severity.id,
    severity: severity.name,
    status_id: status.statusId,
    status: status.status,
    status_code: f.status,
    status_detail: f.suppression ? `${f.reason} Suppressed: ${f.suppression.reason} (approved by ${f.suppression.approvedBy}, until ${f.suppression.expiresAt})` : f.reason,
    metadata: {
      version: OCSF_VERSION,
      product: { uid: PRODUCT.uid, name: PRODUCT.name, vendor_name: PRODUCT.vendorName, version: PRODUCT.version },
      profiles: ['cloud'],
      event_code: f.checkId,
      correlation_uid: runId,
    },
    finding_info: {
      uid: exportedFindingId(f),
      title: f.title,
      desc: findCheck(f.checkId)?.rationale ?? f.title,
      types: ['Software and Configuration Checks/Industry and Regulatory Standards/HIPAA Controls'],
      created_time: started,
      last_seen_time: finished,
    },
    compliance: {
      standards: [OCSF_HIPAA_STANDARD],
      requirements: [...f.citations],
      control: f.checkId,
      desc: specs.map((s) => `${s.citation} ${s.title} (${s.requirement}), standard ${s.standard}`).join('; '),
      status_id: status.complianceStatusId,
    },
    resources: [{ uid: f.resource.arn, name: f.resource.id, type: f.resource.type, region: f.resource.region, cloud_partition: partition }],
    remediation: { desc: f.remediation, references: [...new Set(f.citations.map(ecfrUrl))] },
    cloud: {
      provider: 'AWS',
      // IAM, CloudFront and account-level resources have no region; OCSF's cloud.region is then left out.
      ...(f.resource.region !== 'global' ? { region: f.resource.region } : {}),
      account: { uid: f.resource.accountId, name: f.resource.accountId, type_id: 10, type: 'AWS Account' },
    },
    ...(f.suppression ? { unmapped: { suppression: f.suppression } } : {}),
  };
}

/** `--format ocsf`: one JSON array. */
export function renderOcsfJson(run: Pick<ScanRun, 'id' | 'startedAt' | 'finishedAt'>, findings: readonly Finding[]): string {
  return JSON.stringify(toOcsfFindings(run, findings), null, 2) + '\n';
}

/** `--format ocsf-jsonl`: one event per line (what Security Lake, Splunk and most SIEM collectors read). */
export function renderOcsfJsonLines(run: Pick<ScanRun, 'id' | 'startedAt' | 'finishedAt'>, findings: readonly Finding[]): string {
  return toOcsfFindings(run, findings).map((e) => JSON.stringify(e) + '\n').join('');
}
