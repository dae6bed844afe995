import { gzipSync } from 'node:zlib';
import type { RawEvidence } from '../lib/collect/evidence-recorder.js';
import { canonicalJson } from '../lib/evidence/canonical-json.js';
import { findingsToCsv } from '../lib/report/csv.js';
import { gzipDeterministic } from '../lib/evidence/findings-file.js';
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

/** findings.json and findings.csv, and their gzip as the evidence store writes them (findings.json.gz, findings.csv.gz). */
export function findingsFiles(findings: readonly Finding[]): { jsonBytes: number; csvBytes: number; jsonGzipBytes: number; csvGzipBytes: number } {
  const json = Buffer.from(canonicalJson(findings));
  const csv = Buffer.from(findingsToCsv(findings));
  return { jsonBytes: json.length, csvBytes: csv.length, jsonGzipBytes: gzipDeterministic(json).length, csvGzipBytes: gzipDeterministic(csv).length };
}
