/**
 * Where evidence lives in the bucket (and, with the same paths, inside a bundle zip):
 *
 *   evidence/<accountId>/<runId>/manifest.json           signed list of every object below
 *   evidence/<accountId>/<runId>/manifest.sig            JSON envelope: key id, algorithm, base64 DER signature
 *   evidence/<accountId>/<runId>/public-key.pem          the signing key's public half (SPKI PEM)
 *   evidence/<accountId>/<runId>/findings.json.gz|.csv.gz the run's findings (gzip; runs sealed before
 *                                                         compression hold findings.json|.csv)
 *   evidence/<accountId>/<runId>/scans/<unitId>/<attemptId>/raw.json.gz   one scan attempt's raw API
 *                                                         responses, all operations in one gzip object (pipeline)
 *   evidence/<accountId>/<runId>/raw.json.gz              the same for a single-process run (writeRunEvidence)
 *   evidence/<accountId>/chain/<startedAt>__<runId>.json  immutable index entry, one per run
 *
 * Runs sealed by earlier versions hold one raw object per service, region and operation instead
 * (`[scans/<unitId>/<attemptId>/]raw/<service>/<region>/<operation>.json.gz`, with service, region, operation
 * and records on the manifest entry). Evidence is kept six years, so verify and bundle, which go by the
 * manifest's paths and hashes alone, read both; nothing writes that layout any more.
 *
 * The chain index exists because S3 lists keys in lexicographic order only: a compact UTC timestamp
 * first makes "the newest run before this one" and "runs between two dates" plain prefix listings,
 * and a new key per run means nothing is ever overwritten (Object Lock forbids it anyway).
 */
export const EVIDENCE_ROOT = 'evidence/';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const PUBLIC_KEY_FILE = 'public-key.pem';
export const FINDINGS_JSON_FILE = 'findings.json';
export const FINDINGS_CSV_FILE = 'findings.csv';
export const FINDINGS_JSON_GZ_FILE = 'findings.json.gz';
export const FINDINGS_CSV_GZ_FILE = 'findings.csv.gz';
/** Files generated for the bundle itself; not covered by any manifest. */
export const BUNDLE_README = 'README.md';
export const BUNDLE_SUMMARY_MD = 'SUMMARY.md';
export const BUNDLE_SUMMARY_JSON = 'summary.json';
export const BUNDLE_LEVEL_FILES: readonly string[] = [BUNDLE_README, BUNDLE_SUMMARY_MD, BUNDLE_SUMMARY_JSON];
/** Each run's HTML report in a bundle: `reports/<account>/<run>/report.html`, outside evidence/ because no manifest lists it. */
export const BUNDLE_REPORTS_ROOT = 'reports/';
export const BUNDLE_REPORT_FILE = 'report.html';

export function bundleReportPath(accountId: string, runId: string): string {
  return `${BUNDLE_REPORTS_ROOT}${safeSegment(accountId)}/${safeSegment(runId)}/${BUNDLE_REPORT_FILE}`;
}

/** True for a name bundleReportPath can produce (verify accepts these as generated, unsigned files). */
export function isBundleReportPath(name: string): boolean {
  const parts = name.split('/');
  return parts.length === 4 && `${parts[0]}/` === BUNDLE_REPORTS_ROOT && parts[3] === BUNDLE_REPORT_FILE && parts.slice(1, 3).every((p) => p !== '' && safeSegment(p) === p);
}

/** Keeps account/run/service/region/operation names from creating extra path levels or traversal. */
export function safeSegment(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return cleaned === '' ? '_' : cleaned;
}

export function accountPrefix(accountId: string): string {
  return `${EVIDENCE_ROOT}${safeSegment(accountId)}/`;
}

export function runPrefix(accountId: string, runId: string): string {
  return `${accountPrefix(accountId)}${safeSegment(runId)}/`;
}

export function chainPrefix(accountId: string): string {
  return `${accountPrefix(accountId)}chain/`;
}

/** `2025-01-02T03:04:05.678Z` -> `20250102T030405.678Z`: sorts by time, no colons in keys. */
export function compactTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Not an ISO timestamp: "${iso}"`);
  return date.toISOString().replace(/[-:]/g, '');
}

export function chainKey(accountId: string, startedAt: string, runId: string): string {
  return `${chainPrefix(accountId)}${compactTimestamp(startedAt)}__${safeSegment(runId)}.json`;
}

/**
 * A scan's raw evidence, relative to the run prefix (single process) or to its attempt path: one object per
 * scan rather than one per operation, because most operations' responses are a few hundred bytes and S3
 * charges per PUT (235 objects per run at the benchmark's default scale, almost all of them under 1 KB).
 */
export const RAW_EVIDENCE_FILE = 'raw.json.gz';

/**
 * One scan attempt's raw evidence, relative to the run prefix: every attempt (a Step Functions retry, a
 * re-run after a crash) writes under its own id, so a retry never collides with a half-written earlier
 * attempt. Only the attempts a sealed manifest lists are evidence; the others are never bundled.
 */
export function scanAttemptPath(unitId: string, attemptId: string): string {
  return `scans/${safeSegment(unitId)}/${safeSegment(attemptId)}/`;
}

/**
 * The work bucket: what the pipeline hands between its steps, not evidence (expires after weeks).
 *
 *   runs/<runId>/targets.json                               the run's target list (the Distributed Map reads it)
 *   runs/<runId>/scans/<accountId>/<unitId>/<attemptId>.json   one scan attempt's findings and object list
 *   map-results/                                            the Distributed Map's ResultWriter output
 */
export const WORK_MAP_RESULTS_PREFIX = 'map-results/';

export function targetListKey(runId: string): string {
  return `runs/${safeSegment(runId)}/targets.json`;
}

export function scanRecordKey(runId: string, accountId: string, unitId: string, attemptId: string): string {
  return `runs/${safeSegment(runId)}/scans/${safeSegment(accountId)}/${safeSegment(unitId)}/${safeSegment(attemptId)}.json`;
}

/** What the officer was sent, kept with the evidence (164.308(a)(1)(ii)(D)): `digests/<period end>/...`. */
export const DIGEST_ROOT = 'digests/';
export const DIGEST_FILES = { html: 'digest.html', text: 'digest.txt', posture: 'posture.json' } as const;

export function digestArchivePrefix(periodEnd: string): string {
  return `${DIGEST_ROOT}${safeSegment(periodEnd)}/`;
}

/** Uploaded bundles: `bundles/<label>-<random>.zip`, never overwritten. */
export function bundleKey(label: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `bundles/${label ? `${safeSegment(label)}-` : ''}${stamp}-${Math.random().toString(36).slice(2, 8)}.zip`;
}
