import { gzipSync } from 'node:zlib';
import type { RawEvidence } from '../collect/evidence-recorder.js';
import { canonicalJson } from './canonical-json.js';
import { isDataPlaneOperation } from './data-plane.js';
import { rawEvidencePath } from './layout.js';

export interface RawEvidenceObject {
  path: string;
  service: string;
  region: string;
  operation: string;
  records: number;
  /** gzip of canonical JSON; deterministic so an idempotent retry writes identical bytes. */
  body: Buffer;
}

/**
 * One object per service/region/operation: small enough to read, few enough objects that a run
 * does not turn into thousands of PUTs. Records keep their capture order (pagination order).
 */
export function groupRawEvidence(evidence: readonly RawEvidence[]): RawEvidenceObject[] {
  const groups = new Map<string, { service: string; region: string; operation: string; records: RawEvidence[] }>();
  for (const record of evidence) {
    if (isDataPlaneOperation(record.operation)) {
      throw new Error(
        `Refusing to store evidence from data-plane operation ${record.service}:${record.operation}; the auditor reads configuration only.`,
      );
    }
    const path = rawEvidencePath(record.service, record.region, record.operation);
    const group = groups.get(path) ?? { service: record.service, region: record.region, operation: record.operation, records: [] };
    // Two different names that sanitize to the same path would silently merge; refuse instead.
    if (group.service !== record.service || group.region !== record.region || group.operation !== record.operation) {
      throw new Error(`Evidence path collision at ${path}: ${group.service}/${group.region}/${group.operation} vs ${record.service}/${record.region}/${record.operation}`);
    }
    group.records.push(record);
    groups.set(path, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, g]) => ({
      path,
      service: g.service,
      region: g.region,
      operation: g.operation,
      records: g.records.length,
      body: gzipSync(
        canonicalJson({
          service: g.service,
          region: g.region,
          operation: g.operation,
          records: g.records.map((r) => ({ target: r.target, collectedAt: r.collectedAt, response: r.response })),
        }),
      ),
    }));
}
