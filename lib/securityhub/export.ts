import { paginateGetFindings, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { AwsClientFactory } from '../aws/clients.js';
import type { Finding } from '../model/finding.js';
import type { ScanRun } from '../model/run.js';
import { ASFF_LIMITS, defaultProductArn, importRegion, toAsffFindings, type AsffTarget } from '../report/asff.js';
import { importFindings, type ImportFailure } from './import-findings.js';

export interface SecurityHubExportInput extends AsffTarget {
  clients: AwsClientFactory;
  run: Pick<ScanRun, 'id' | 'startedAt' | 'finishedAt' | 'accountIds' | 'regions' | 'collectionErrors' | 'status'>;
  findings: readonly Finding[];
  /** The checks that ran: a previously imported finding of another check is not this run's to resolve. */
  checkIds: readonly string[];
  retryDelayMs?: number;
}

export interface SecurityHubExportResult {
  /** Findings Security Hub accepted (current ones and resolved ones). */
  imported: number;
  /** Sent ARCHIVED: PASS or NOT_APPLICABLE now, or gone since an earlier import. */
  archived: number;
  /** Earlier imported, ACTIVE, and not produced by this run in a fully assessed region: sent ARCHIVED / PASSED. */
  gone: number;
  failed: ImportFailure[];
}

/**
 * `hipaa-audit scan --security-hub` and the pipeline's `securityHub: true`: imports this run's findings
 * into Security Hub, and archives (RecordState ARCHIVED, Compliance PASSED) the ones it imported earlier
 * that this run no longer produces where it assessed everything, since a stateless importer learns what
 * is gone only from Security Hub itself. Never throws for Security Hub's answers: failures are returned.
 */
export async function exportToSecurityHub(input: SecurityHubExportInput): Promise<SecurityHubExportResult> {
  const current = toAsffFindings(input.run, input.findings, input);
  const byRegion = new Map<string, AwsSecurityFinding[]>();
  const add = (region: string, f: AwsSecurityFinding) => byRegion.set(region, [...(byRegion.get(region) ?? []), f]);
  input.findings.forEach((f, i) => {
    const asff = current[i];
    if (asff) add(importRegion(f, input.homeRegion), asff);
  });

  const failed: ImportFailure[] = [];
  const currentIds = new Set(current.map((f) => f.Id));
  let gone = 0;
  const regions = new Set([...input.run.regions.filter((r) => r !== 'global'), input.homeRegion]);
  for (const region of regions) {
    const previous = await activeFindingsOfOurs(input, region).catch((error: unknown) => {
      const e = error as { name?: string; message?: string };
      failed.push({ id: '*', region, operation: 'securityhub:GetFindings', code: e.name ?? 'Error', message: e.message ?? String(error) });
      return [];
    });
    for (const f of previous) {
      if (currentIds.has(f.Id) || !wasFullyAssessed(f, input)) continue;
      add(region, resolvedAsGone(f, input.run.finishedAt));
      gone += 1;
    }
  }

  let imported = 0;
  let archived = 0;
  for (const [region, findings] of byRegion) {
    const outcome = await importFindings(input.clients, region, findings, { retryDelayMs: input.retryDelayMs });
    imported += outcome.imported;
    failed.push(...outcome.failed);
    const failedIds = new Set(outcome.failed.map((f) => f.id));
    archived += findings.filter((f) => f.RecordState === 'ARCHIVED' && !failedIds.has(f.Id ?? '')).length;
  }
  return { imported, archived, gone, failed };
}

/** Our ACTIVE findings for the run's accounts in one region (filtered here too: not every emulator filters). */
async function activeFindingsOfOurs(input: SecurityHubExportInput, region: string): Promise<AwsSecurityFinding[]> {
  const productArn = defaultProductArn(region, input.importerAccountId, input.partition);
  const client = input.clients.get(SecurityHubClient, region);
  const out: AwsSecurityFinding[] = [];
  // Ids start with the audited account (exportedFindingId): one account's findings, even in an audit account's hub.
  const prefixes = input.run.accountIds.map((a) => `hipaa-audit/${a}/`);
  const pages = paginateGetFindings({ client, pageSize: 100 }, {
    Filters: {
      ProductArn: [{ Value: productArn, Comparison: 'EQUALS' }],
      RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
      AwsAccountId: [{ Value: input.importerAccountId, Comparison: 'EQUALS' }],
      Id: prefixes.map((p) => ({ Value: p, Comparison: 'PREFIX' as const })),
    },
  });
  for await (const page of pages) {
    for (const f of page.Findings ?? []) {
      const ours = f.ProductArn === productArn && f.AwsAccountId === input.importerAccountId && prefixes.some((p) => f.Id?.startsWith(p));
      if (ours && f.RecordState === 'ACTIVE') out.push(f);
    }
  }
  return out;
}

/**
 * A finding missing from this run is resolved only where the run assessed everything: its check ran, its
 * region was scanned, and no collection error touched that account and region (the findings store's rule
 * for GONE). Otherwise it may be missing only because it could not be looked at.
 */
function wasFullyAssessed(f: AwsSecurityFinding, input: SecurityHubExportInput): boolean {
  if (input.run.status === 'FAILED') return false;
  const [, accountId, region] = (f.Id ?? '').split('/');
  if (!accountId || !region || !input.checkIds.includes(f.GeneratorId ?? '')) return false;
  if (region !== 'global' && !input.run.regions.includes(region)) return false;
  return !input.run.collectionErrors.some((e) => e.accountId === accountId && (e.region === undefined || e.region === region));
}

function resolvedAsGone(f: AwsSecurityFinding, at: string): AwsSecurityFinding {
  return {
    SchemaVersion: f.SchemaVersion,
    Id: f.Id,
    ProductArn: f.ProductArn,
    GeneratorId: f.GeneratorId,
    AwsAccountId: f.AwsAccountId,
    Types: f.Types,
    CreatedAt: f.CreatedAt,
    UpdatedAt: at,
    Severity: { Label: 'INFORMATIONAL', ...(f.Severity?.Original ? { Original: f.Severity.Original } : {}) },
    FindingProviderFields: { Severity: { Label: 'INFORMATIONAL' }, ...(f.Types ? { Types: f.Types } : {}) },
    Title: f.Title,
    Description: `RESOLVED: the resource or the result is no longer present in a fully assessed scan (${at}).`.slice(0, ASFF_LIMITS.description),
    Resources: f.Resources,
    ...(f.Remediation ? { Remediation: f.Remediation } : {}),
    ...(f.ProductFields ? { ProductFields: f.ProductFields } : {}),
    Compliance: {
      Status: 'PASSED',
      ...(f.Compliance?.RelatedRequirements ? { RelatedRequirements: f.Compliance.RelatedRequirements } : {}),
      StatusReasons: [{ ReasonCode: 'HIPAA_AUDIT_GONE', Description: 'Not found in the latest fully assessed scan: the resource was deleted or the check no longer applies.' }],
    },
    Workflow: { Status: 'RESOLVED' },
    RecordState: 'ARCHIVED',
  };
}
