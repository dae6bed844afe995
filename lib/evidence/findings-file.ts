import { gunzipSync, gzipSync } from 'node:zlib';
import { FindingSchema, type Finding } from '../model/finding.js';
import { FINDINGS_JSON_FILE, FINDINGS_JSON_GZ_FILE } from './layout.js';

/**
 * The run's findings as stored: gzip of canonical JSON (`findings.json.gz`), as the raw evidence is.
 * Runs sealed before compression hold plain `findings.json`; evidence is kept six years, so both are read.
 * The manifest hashes the stored (compressed) bytes, so verification never needs to inflate to check them.
 */

/** Whether a manifest path is a run's findings list, in either format. */
export function isFindingsJsonPath(path: string): boolean {
  return path === FINDINGS_JSON_FILE || path === FINDINGS_JSON_GZ_FILE || path.endsWith(`/${FINDINGS_JSON_FILE}`) || path.endsWith(`/${FINDINGS_JSON_GZ_FILE}`);
}

/**
 * Deterministic gzip: Node writes MTIME 0 and no file name in the header, and the same input at the same
 * level gives the same bytes, so a retried seal writes exactly what the interrupted one did (If-None-Match
 * on an existing key then finds the same bytes instead of an EvidenceConflictError).
 */
export function gzipDeterministic(bytes: Buffer): Buffer {
  return gzipSync(bytes, { level: 9 });
}

/** A gzip member that inflates past its cap: refused rather than letting a small object fill memory. */
export class InflateLimitError extends Error {
  constructor(path: string, cap: number, options?: { cause?: unknown }) {
    super(`${path} inflates past ${cap} bytes; not inflated further`, options);
    this.name = 'InflateLimitError';
  }
}

/** Bounded gunzip: at most `cap` bytes are ever produced, however small the input (a gzip bomb stops here). */
export function gunzipCapped(path: string, bytes: Buffer, cap: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: cap });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError(path, cap, { cause: err });
    throw err;
  }
}

/** The JSON text of a stored findings file (inflated when its path says gzip), at most `cap` bytes. */
export function findingsJsonText(path: string, stored: Buffer, cap: number): string {
  if (!path.endsWith('.gz')) {
    if (stored.length > cap) throw new InflateLimitError(path, cap);
    return stored.toString('utf8');
  }
  return gunzipCapped(path, stored, cap).toString('utf8');
}

/** Parses a stored findings file (either format) into validated findings. */
export function parseFindingsFile(path: string, stored: Buffer, cap: number): Finding[] {
  return FindingSchema.array().parse(JSON.parse(findingsJsonText(path, stored, cap)));
}

/**
 * What the pipeline and `bundle` inflate at most per run: about 300,000 findings (an account at the
 * default scale produces ~45,000 in 34 MB of JSON). Above it a run is refused, never read into memory whole.
 */
export const MAX_FINDINGS_JSON_BYTES = 256 * 1024 * 1024;
