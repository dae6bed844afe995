import { gzipSync } from 'node:zlib';
import type { RawEvidence } from '../lib/collect/evidence-recorder.js';
import { canonicalJson } from '../lib/evidence/canonical-json.js';
import { findingsToCsv } from '../lib/report/csv.js';
import { gzipDeterministic } from '../lib/evidence/findings-file.js';
import { packRawEvidence } from '../lib/evidence/raw-groups.js';
import type { Finding } from '../lib/model/finding.js';

export interface EvidenceSize {
  records: number;
  /** API operations (service/region/operation groups) the responses came from; earlier versions PUT one object each. */
  operations: number;
  /** Raw evidence objects the single-process writer PUTs for this scan: one (the pipeline writes one per scan unit). */
  objects: number;
  rawJsonBytes: number;
  gzipBytes: number;
  /** How the objects were sized: the real writer's packing, or a single gzip if that refused. */
  method: 'packRawEvidence' | 'single-gzip';
}

/** Sizes the raw evidence exactly as stored (gzip of the canonical JSON of all groups) where possible. */
export function measureEvidence(evidence: readonly RawEvidence[]): EvidenceSize {
  const json = JSON.stringify(evidence);
  const rawJsonBytes = Buffer.byteLength(json);
  const operations = new Set(evidence.map((r) => JSON.stringify([r.service, r.region, r.operation]))).size;
  try {
    const packed = packRawEvidence(evidence);
    return { records: evidence.length, operations, objects: packed ? 1 : 0, rawJsonBytes, gzipBytes: packed?.body.length ?? 0, method: 'packRawEvidence' };
  } catch {
    // The packing refuses data-plane operations; still size what was recorded.
    return { records: evidence.length, operations, objects: 1, rawJsonBytes, gzipBytes: gzipSync(json).length, method: 'single-gzip' };
  }
}

/** findings.json and findings.csv, and their gzip as the evidence store writes them (findings.json.gz, findings.csv.gz). */
export function findingsFiles(findings: readonly Finding[]): { jsonBytes: number; csvBytes: number; jsonGzipBytes: number; csvGzipBytes: number } {
  const json = Buffer.from(canonicalJson(findings));
  const csv = Buffer.from(findingsToCsv(findings));
  return { jsonBytes: json.length, csvBytes: csv.length, jsonGzipBytes: gzipDeterministic(json).length, csvGzipBytes: gzipDeterministic(csv).length };
}
