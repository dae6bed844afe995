import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { findCheck } from '../checks/registry.js';
import type { Finding } from '../model/finding.js';
import { specification } from '../model/hipaa.js';
import type { ScanRun } from '../model/run.js';
import type { FindingStatus } from '../model/status.js';
import { ecfrUrl, exportedFindingId } from './finding-uid.js';
import { PRODUCT } from './product.js';

/** The only ASFF schema version Security Hub accepts. */
export const ASFF_SCHEMA_VERSION = '2018-10-08';
export const ASFF_HIPAA_TYPE = 'Software and Configuration Checks/Industry and Regulatory Standards/HIPAA Controls';

/** ASFF field limits (Security Hub API reference, AwsSecurityFinding): longer values are refused. */
export const ASFF_LIMITS = { title: 256, description: 1024, recommendationText: 512, statusReasonDescription: 2048, relatedRequirements: 32 } as const;

/**
 * Our statuses in ASFF terms (README "Security Hub"), following what Security Hub does with its own controls:
 * a passed control is ARCHIVED-worthy and RESOLVED with severity INFORMATIONAL; WARNING is "some
 * information is missing", which is ERROR; AWS maps an AWS Config NOT_APPLICABLE to NOT_AVAILABLE. A
 * SUPPRESSED finding still fails, with Workflow SUPPRESSED (the risk acceptance) and the acceptance as a note.
 */
export const ASFF_STATUS: Record<FindingStatus, { compliance: 'PASSED' | 'FAILED' | 'WARNING' | 'NOT_AVAILABLE'; workflow: 'NEW' | 'RESOLVED' | 'SUPPRESSED'; record: 'ACTIVE' | 'ARCHIVED' }> = {
  PASS: { compliance: 'PASSED', workflow: 'RESOLVED', record: 'ARCHIVED' },
  FAIL: { compliance: 'FAILED', workflow: 'NEW', record: 'ACTIVE' },
  ERROR: { compliance: 'WARNING', workflow: 'NEW', record: 'ACTIVE' },
  NOT_APPLICABLE: { compliance: 'NOT_AVAILABLE', workflow: 'RESOLVED', record: 'ARCHIVED' },
  SUPPRESSED: { compliance: 'FAILED', workflow: 'SUPPRESSED', record: 'ACTIVE' },
};

export interface AsffTarget {
  /**
   * The account that imports (BatchImportFindings caller): its default product receives the findings, and
   * it is their AwsAccountId, because with the default product Security Hub accepts only findings whose
   * AwsAccountId is the caller's. The CLI imports into the scanned account itself; the pipeline into the
   * audit account (member roles stay read-only), with the audited account in the Id, the resource ARN and
   * ProductFields `hipaa-audit/AccountId`.
   */
  importerAccountId: string;
  /** Where findings about global resources (IAM, CloudFront, the account) are imported. */
  homeRegion: string;
  partition?: string;
}

/** Security Hub imports a finding in the region of its ProductArn; global resources go to the home region. */
export function importRegion(finding: Pick<Finding, 'resource'>, homeRegion: string): string {
  return finding.resource.region === 'global' ? homeRegion : finding.resource.region;
}

/** The custom-integration product every account has: `product/<account>/default`. */
export function defaultProductArn(region: string, accountId: string, partition = 'aws'): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

/** One ASFF finding per finding; `Id` is stable across runs so Security Hub updates it in place. */
export function toAsffFindings(run: Pick<ScanRun, 'id' | 'startedAt' | 'finishedAt'>, findings: readonly Finding[], target: AsffTarget): AwsSecurityFinding[] {
  return findings.map((f) => toAsffFinding(run, f, target));
}

function toAsffFinding(run: Pick<ScanRun, 'id' | 'startedAt' | 'finishedAt'>, f: Finding, target: AsffTarget): AwsSecurityFinding {
  const status = ASFF_STATUS[f.status];
  const region = importRegion(f, target.homeRegion);
  const check = findCheck(f.checkId);
  const requirements = f.citations.map((c) => `HIPAA ${c}`).slice(0, ASFF_LIMITS.relatedRequirements);
  const standards = [...new Set(f.citations.map((c) => specification(c).standard))];
  const severity = {
    Label: f.status === 'PASS' || f.status === 'NOT_APPLICABLE' ? 'INFORMATIONAL' as const : (f.severity.toUpperCase() as 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW'),
    Original: f.severity,
  };
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: exportedFindingId(f),
    ProductArn: defaultProductArn(region, target.importerAccountId, target.partition),
    ProductName: PRODUCT.name,
    CompanyName: PRODUCT.vendorName,
    GeneratorId: f.checkId,
    AwsAccountId: target.importerAccountId,
    Types: [ASFF_HIPAA_TYPE],
    // The run that first saw it is not known to a stateless scan; CreatedAt is this observation, which
    // Security Hub keeps from the first import of the Id.
    CreatedAt: run.finishedAt,
    UpdatedAt: run.finishedAt,
    FirstObservedAt: run.startedAt,
    LastObservedAt: run.finishedAt,
    Severity: severity,
    // Security Hub keeps the first import's Severity and Types; a provider updates them here.
    FindingProviderFields: { Severity: severity, Types: [ASFF_HIPAA_TYPE] },
    Title: truncate(f.title, ASFF_LIMITS.title),
    Description: truncate(`${f.status}: ${f.reason}`, ASFF_LIMITS.description),
    Remediation: {
      Recommendation: { Text: truncate(f.remediation, ASFF_LIMITS.recommendationText), Url: ecfrUrl(f.citations[0] ?? '164.312') },
    },
    ProductFields: {
      'hipaa-audit/RunId': run.id,
      'hipaa-audit/AccountId': f.resource.accountId,
      'hipaa-audit/Status': f.status,
      'hipaa-audit/Citations': f.citations.join(', '),
      'hipaa-audit/Standards': standards.join('; '),
      ...(check ? { 'hipaa-audit/Service': check.service } : {}),
    },
    Resources: [{
      Type: asffResourceType(f.resource.type),
      Id: f.resource.arn,
      Partition: partitionOf(f.resource.arn, target.partition),
      Region: region,
      Details: { Other: { 'hipaa-audit/ResourceId': truncate(f.resource.id, 1024), 'hipaa-audit/CloudFormationType': f.resource.type } },
    }],
    Compliance: {
      Status: status.compliance,
      RelatedRequirements: requirements,
      StatusReasons: [{ ReasonCode: `HIPAA_AUDIT_${f.status}`, Description: truncate(f.reason, ASFF_LIMITS.statusReasonDescription) }],
    },
    // Workflow and Note are taken from the first import only (Security Hub leaves them to the analyst);
    // archiving a finding later sets its workflow to RESOLVED on Security Hub's side.
    Workflow: { Status: status.workflow },
    RecordState: status.record,
    ...(f.suppression
      ? {
          Note: {
            Text: truncate(`Risk accepted by ${f.suppression.approvedBy} until ${f.suppression.expiresAt}: ${f.suppression.reason}`, 512),
            UpdatedBy: PRODUCT.name,
            UpdatedAt: run.finishedAt,
          },
        }
      : {}),
  };
}

/**
 * CloudFormation type -> ASFF resource type (`AWS::S3::Bucket` -> `AwsS3Bucket`, `AWS::EC2::Volume` ->
 * `AwsEc2Volume`): ASFF writes acronyms capitalized, not upper case. Anything else is `Other`.
 */
export function asffResourceType(cloudFormationType: string): string {
  const parts = /^AWS::([A-Za-z0-9]+)::([A-Za-z0-9]+)$/.exec(cloudFormationType);
  if (!parts) return 'Other';
  const special: Record<string, string> = { ElasticLoadBalancingV2: 'Elbv2', ElasticLoadBalancing: 'Elb' };
  // A run of capitals is one acronym: EC2 -> Ec2, DBInstance -> DbInstance, DynamoDB -> DynamoDb.
  const word = (w: string) => special[w] ?? w.replace(/([A-Z])([A-Z0-9]+)(?=[A-Z][a-z]|$)/g, (_, first: string, rest: string) => first + rest.toLowerCase());
  return `Aws${word(parts[1] ?? '')}${word(parts[2] ?? '')}`;
}

function partitionOf(arn: string, fallback = 'aws'): 'aws' | 'aws-cn' | 'aws-us-gov' {
  const p = arn.startsWith('arn:') ? arn.split(':')[1] : fallback;
  return p === 'aws-cn' || p === 'aws-us-gov' ? p : 'aws';
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `--format asff`: a JSON array, the body BatchImportFindings takes (`aws securityhub batch-import-findings --findings file://`). */
export function renderAsffJson(run: Pick<ScanRun, 'id' | 'startedAt' | 'finishedAt'>, findings: readonly Finding[], target: AsffTarget): string {
  return JSON.stringify(toAsffFindings(run, findings, target), null, 2) + '\n';
}
