import { gzipSync } from 'node:zlib';
import type { RawEvidence } from '../lib/collect/evidence-recorder.js';
import { canonicalJson } from '../lib/evidence/canonical-json.js';
import { findingsToCsv } from '../lib/report/csv.js';
import { groupRawEvidence } from '../lib/evidence/raw-groups.js';
import type { Finding } from '../lib/model/finding.js';

export interface EvidenceSize {
  records: number;
  /** Objects the evidence writer would PUT under raw/ (one per service/region/operation). */
  objects: number;
  rawJsonBytes: number;
  gzipBytes: number;
  /** How the objects were sized: the real writer's grouping, or a single gzip if that refused. */
  method: 'groupRawEvidence' | 'single-gzip';
}

/** Sizes the raw evidence exactly as stored (gzip of canonical JSON per operation) where possible. */
export function measureEvidence(evidence: readonly RawEvidence[]): EvidenceSize {
  const json = JSON.stringify(evidence);
  const rawJsonBytes = Buffer.byteLength(json);
  try {
    const objects = groupRawEvidence(evidence);
    return {
      records: evidence.length,
      objects: objects.length,
      rawJsonBytes,
      gzipBytes: objects.reduce((sum, o) => sum + o.body.length, 0),
      method: 'groupRawEvidence',
    };
  } catch {
    // The grouping refuses data-plane operations; still size what was recorded.
    return { records: evidence.length, objects: 1, rawJsonBytes, gzipBytes: gzipSync(json).length, method: 'single-gzip' };
  }
}

/** Key attributes (pk, sk, GSI keys, run id, timestamps) the store adds around each finding. */
const ITEM_OVERHEAD_BYTES = 200;

/** DynamoDB write units if each finding is one item: Σ ceil(bytes / 1 KB). */
export function findingsStorage(findings: readonly Finding[]): { bytes: number; wru: number } {
  let bytes = 0;
  let wru = 0;
  for (const finding of findings) {
    const size = Buffer.byteLength(JSON.stringify(finding)) + ITEM_OVERHEAD_BYTES;
    bytes += size;
    wru += Math.ceil(size / 1024);
  }
  return { bytes, wru };
}

/** findings.json (canonical JSON) and findings.csv, stored uncompressed next to the raw evidence. */
export function findingsFiles(findings: readonly Finding[]): { jsonBytes: number; csvBytes: number } {
  return {
    jsonBytes: Buffer.byteLength(canonicalJson(findings)),
    csvBytes: Buffer.byteLength(findingsToCsv(findings)),
  };
}
