import { FindingSchema } from '../model/finding.js';
import { sha256Hex, sha256OfStream } from './hashing.js';
import { BUNDLE_LEVEL_FILES, BUNDLE_SUMMARY_JSON, FINDINGS_JSON_FILE, MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE } from './layout.js';
import { ManifestSchema, SignatureEnvelopeSchema, type Manifest } from './manifest.js';
import { pemFingerprint, verifyManifestSignature } from './signing.js';
import { summarizeFindings, type RunSummary } from './summary.js';
import { finishReport, type VerifiedRun, type VerifyCheck, type VerifyReport } from './verify-report.js';
import { forEachZipEntry } from './zip-read.js';
import { verifyChain } from './verify-chain.js';

export type { VerifyCheck, VerifyReport } from './verify-report.js';

interface ZipFileInfo {
  sha256: string;
  size: number;
  /** Kept only for the small files the checks must parse. */
  bytes?: Buffer;
}

const MANIFEST_RE = /^evidence\/[^/]+\/[^/]+\/manifest\.json$/;
/** Files whose content is parsed; anything bigger than this is not a plausible manifest/key/signature. */
const MAX_PARSED_BYTES = 64 * 1024 * 1024;

/**
 * Verifies a bundle offline, trusting nothing but the maths: object hashes against manifests,
 * manifest signatures against the included public keys, the hash chain between runs, and that the
 * zip holds exactly the files the manifests list. Never calls AWS.
 */
export async function verifyBundle(zipPath: string): Promise<VerifyReport> {
  const checks: VerifyCheck[] = [];
  const files = new Map<string, ZipFileInfo>();
  try {
    await forEachZipEntry(zipPath, async (name, stream, isDirectory) => {
      if (isDirectory) return;
      if (files.has(name)) checks.push({ status: 'fail', kind: 'archive', subject: name, message: 'appears more than once in the zip' });
      const keep = needsContent(name);
      const chunks: Buffer[] = [];
      const { sha256, size } = await sha256OfStream(stream, keep ? (c) => chunks.push(c) : undefined);
      if (keep && size > MAX_PARSED_BYTES) throw new Error(`${name} is ${size} bytes, too large to be a manifest, key or signature`);
      files.set(name, { sha256, size, ...(keep ? { bytes: Buffer.concat(chunks) } : {}) });
    });
  } catch (error) {
    checks.push({ status: 'fail', kind: 'archive', subject: zipPath, message: `not a readable zip archive: ${(error as Error).message}` });
    return finishReport(zipPath, [], checks);
  }

  const covered = new Set<string>(BUNDLE_LEVEL_FILES.filter((f) => files.has(f)));
  const runs: (VerifiedRun & { manifest: Manifest })[] = [];
  const summaries: RunSummary[] = [];
  for (const [name, info] of files) {
    if (!MANIFEST_RE.test(name)) continue;
    covered.add(name);
    const dir = name.slice(0, -MANIFEST_FILE.length);
    const manifest = parseManifest(name, info, checks);
    if (!manifest) continue;
    const [, accountDir, runDir] = name.split('/');
    if (manifest.accountId !== accountDir || manifest.runId !== runDir) {
      checks.push({ status: 'fail', kind: 'manifest', subject: name, message: `names account ${manifest.accountId} run ${manifest.runId} but is stored under ${accountDir}/${runDir}` });
    }
    const run: VerifiedRun & { manifest: Manifest } = {
      accountId: manifest.accountId, runId: manifest.runId, startedAt: manifest.startedAt, manifestPath: name, manifestSha256: info.sha256, manifest,
    };
    runs.push(run);
    checkSignature(dir, info, manifest, files, covered, checks, run);
    checkEntries(dir, manifest, files, covered, checks);
    const findings = files.get(dir + FINDINGS_JSON_FILE)?.bytes;
    if (findings && manifest.entries.some((e) => e.path === FINDINGS_JSON_FILE)) {
      try {
        const parsed = FindingSchema.array().parse(JSON.parse(findings.toString('utf8')));
        summaries.push({ accountId: manifest.accountId, runId: manifest.runId, startedAt: manifest.startedAt, status: manifest.run.status, standards: summarizeFindings(parsed) });
      } catch (error) {
        checks.push({ status: 'fail', kind: 'object', subject: dir + FINDINGS_JSON_FILE, message: `is not a valid findings list: ${(error as Error).message.slice(0, 200)}` });
      }
    }
  }
  if (runs.length === 0) checks.push({ status: 'fail', kind: 'archive', subject: zipPath, message: 'contains no run manifest (evidence/<account>/<run>/manifest.json)' });

  for (const name of files.keys()) {
    if (!covered.has(name)) checks.push({ status: 'fail', kind: 'unlisted', subject: name, message: 'is in the bundle but not listed in any manifest' });
  }
  checks.push(...verifyChain(runs));
  checkSummary(files.get(BUNDLE_SUMMARY_JSON)?.bytes, summaries, checks);
  return finishReport(zipPath, runs.map(({ manifest: _m, ...run }) => run), checks);
}

function needsContent(name: string): boolean {
  return (
    name === BUNDLE_SUMMARY_JSON ||
    [MANIFEST_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE, FINDINGS_JSON_FILE].some((f) => name.startsWith('evidence/') && name.endsWith(`/${f}`))
  );
}

function parseManifest(name: string, info: ZipFileInfo, checks: VerifyCheck[]): Manifest | undefined {
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse((info.bytes ?? Buffer.alloc(0)).toString('utf8')));
    if (parsed.success) return parsed.data;
    checks.push({ status: 'fail', kind: 'manifest', subject: name, message: `does not match the manifest schema: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
  } catch (error) {
    checks.push({ status: 'fail', kind: 'manifest', subject: name, message: `is not JSON: ${(error as Error).message}` });
  }
  return undefined;
}

function checkSignature(
  dir: string,
  manifestInfo: ZipFileInfo,
  manifest: Manifest,
  files: Map<string, ZipFileInfo>,
  covered: Set<string>,
  checks: VerifyCheck[],
  run: VerifiedRun,
): void {
  const sigPath = dir + SIGNATURE_FILE;
  const pemPath = dir + PUBLIC_KEY_FILE;
  const sig = files.get(sigPath);
  const pem = files.get(pemPath);
  if (sig) covered.add(sigPath);
  if (pem) covered.add(pemPath);
  if (!sig?.bytes) return void checks.push({ status: 'fail', kind: 'missing', subject: sigPath, message: 'signature file is missing from the bundle' });
  if (!pem?.bytes) return void checks.push({ status: 'fail', kind: 'missing', subject: pemPath, message: 'public key file is missing from the bundle' });

  const pemText = pem.bytes.toString('utf8');
  let fingerprint: string;
  try {
    fingerprint = pemFingerprint(pemText);
  } catch (error) {
    return void checks.push({ status: 'fail', kind: 'public-key', subject: pemPath, message: `is not a PEM public key: ${(error as Error).message}` });
  }
  run.publicKeySha256 = fingerprint;
  checks.push(
    fingerprint === manifest.signing.publicKeySha256
      ? { status: 'ok', kind: 'public-key', subject: pemPath, message: `fingerprint ${fingerprint} matches the manifest` }
      : { status: 'fail', kind: 'public-key', subject: pemPath, message: `fingerprint ${fingerprint} differs from the key named in the manifest (${manifest.signing.publicKeySha256})` },
  );

  const envelope = SignatureEnvelopeSchema.safeParse(safeJson(sig.bytes));
  if (!envelope.success) return void checks.push({ status: 'fail', kind: 'signature', subject: sigPath, message: 'is not a valid signature envelope' });
  const valid = verifyManifestSignature(manifestInfo.bytes ?? Buffer.alloc(0), Buffer.from(envelope.data.signature, 'base64'), pemText);
  const hashNote = envelope.data.manifestSha256 === manifestInfo.sha256 ? '' : ` (the signature envelope was made for manifest SHA-256 ${envelope.data.manifestSha256}, the bundled manifest is ${manifestInfo.sha256})`;
  checks.push(
    valid
      ? { status: 'ok', kind: 'signature', subject: dir + MANIFEST_FILE, message: `ECDSA P-256/SHA-256 signature by ${envelope.data.keyId} verifies` }
      : { status: 'fail', kind: 'signature', subject: dir + MANIFEST_FILE, message: `signature in ${sigPath} does NOT verify with ${pemPath}: manifest edited after signing or signed by another key${hashNote}` },
  );
}

function checkEntries(dir: string, manifest: Manifest, files: Map<string, ZipFileInfo>, covered: Set<string>, checks: VerifyCheck[]): void {
  for (const entry of manifest.entries) {
    const path = dir + entry.path;
    if (entry.path.split('/').some((seg) => seg === '..' || seg === '')) {
      checks.push({ status: 'fail', kind: 'manifest', subject: dir + MANIFEST_FILE, message: `lists an unsafe path "${entry.path}"` });
      continue;
    }
    const file = files.get(path);
    if (!file) {
      checks.push({ status: 'fail', kind: 'missing', subject: path, message: `is listed in ${dir + MANIFEST_FILE} but missing from the bundle` });
      continue;
    }
    covered.add(path);
    if (file.sha256 !== entry.sha256 || file.size !== entry.size) {
      checks.push({ status: 'fail', kind: 'object', subject: path, message: `SHA-256 ${file.sha256} (${file.size} bytes) does not match the manifest's ${entry.sha256} (${entry.size} bytes)` });
    } else {
      checks.push({ status: 'ok', kind: 'object', subject: path, message: `SHA-256 ${file.sha256} matches` });
    }
  }
}

/** The summary is unsigned convenience; it must still agree with the signed findings it came from. */
function checkSummary(summaryBytes: Buffer | undefined, recomputed: RunSummary[], checks: VerifyCheck[]): void {
  if (!summaryBytes) return void checks.push({ status: 'note', kind: 'summary', subject: BUNDLE_SUMMARY_JSON, message: 'no summary in the bundle' });
  const key = (s: RunSummary): string => `${s.accountId}/${s.runId}`;
  const claimed = new Map(((safeJson(summaryBytes) as RunSummary[] | undefined) ?? []).map((s) => [key(s), sha256Hex(JSON.stringify(s.standards ?? null))]));
  const mismatched = recomputed.filter((s) => claimed.get(key(s)) !== sha256Hex(JSON.stringify(s.standards)));
  checks.push(
    mismatched.length === 0
      ? { status: 'ok', kind: 'summary', subject: BUNDLE_SUMMARY_JSON, message: 'per-standard counts match the signed findings' }
      : { status: 'fail', kind: 'summary', subject: BUNDLE_SUMMARY_JSON, message: `counts differ from the signed findings for ${mismatched.map(key).join(', ')}` },
  );
}

function safeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
