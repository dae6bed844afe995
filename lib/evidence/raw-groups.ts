import type { RawEvidence } from '../collect/evidence-recorder.js';
import { canonicalJson } from './canonical-json.js';
import { isDataPlaneOperation } from './data-plane.js';
import { gzipDeterministic } from './findings-file.js';
import { RAW_EVIDENCE_FILE, safeSegment } from './layout.js';
import type { RawEvidenceGroup } from './manifest.js';

/** Marks the inflated body of a raw evidence object, so a reader knows what it is looking at. */
export const RAW_EVIDENCE_KIND = 'hipaa-audit-raw-evidence';

export interface RawEvidenceObject {
  /** RAW_EVIDENCE_FILE, relative to the run prefix or the attempt path. */
  path: string;
  /** The operations it holds, in the order of the body's groups; listed on the manifest entry. */
  contents: RawEvidenceGroup[];
  /** All responses of all groups. */
  records: number;
  /**
   * gzip of canonical JSON `{ kind, groups: [{ service, region, operation, records: [{ target, collectedAt,
   * response }] }] }`; deterministic, so an idempotent retry writes identical bytes (putImmutable compares them).
   */
  body: Buffer;
}

/**
 * A scan's raw evidence as one object: the responses grouped per service/region/operation (the groups
 * sorted, records in capture order, i.e. pagination order), because one PUT per operation made raw evidence
 * most of a run's S3 requests while most groups are a few hundred bytes. Undefined when nothing was recorded.
 */
export function packRawEvidence(evidence: readonly RawEvidence[]): RawEvidenceObject | undefined {
  const groups = new Map<string, { service: string; region: string; operation: string; records: RawEvidence[] }>();
  for (const record of evidence) {
    if (isDataPlaneOperation(record.operation)) {
      throw new Error(
        `Refusing to store evidence from data-plane operation ${record.service}:${record.operation}; the auditor reads configuration only.`,
      );
    }
    // A group is known by its sanitised name (what the manifest lists and the earlier layout's path was): two
    // different names that sanitise alike would be indistinguishable to a reader of the listing, so refuse.
    const label = groupLabel(record);
    const group = groups.get(label) ?? { service: record.service, region: record.region, operation: record.operation, records: [] };
    if (group.service !== record.service || group.region !== record.region || group.operation !== record.operation) {
      throw new Error(`Evidence group collision at ${label}: ${group.service}/${group.region}/${group.operation} vs ${record.service}/${record.region}/${record.operation}`);
    }
    group.records.push(record);
    groups.set(label, group);
  }
  if (groups.size === 0) return undefined;
  const sorted = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g);
  const body = canonicalJson({
    kind: RAW_EVIDENCE_KIND,
    groups: sorted.map((g) => ({
      service: g.service,
      region: g.region,
      operation: g.operation,
      records: g.records.map((r) => ({ target: r.target, collectedAt: r.collectedAt, response: r.response })),
    })),
  });
  return {
    path: RAW_EVIDENCE_FILE,
    contents: sorted.map((g) => ({ service: g.service, region: g.region, operation: g.operation, records: g.records.length })),
    records: evidence.length,
    body: gzipDeterministic(Buffer.from(body)),
  };
}

function groupLabel(record: Pick<RawEvidence, 'service' | 'region' | 'operation'>): string {
  return `${safeSegment(record.service)}/${safeSegment(record.region)}/${safeSegment(record.operation)}`;
}
