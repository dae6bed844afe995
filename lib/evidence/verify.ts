import type { Readable } from 'node:stream';
import { InflateLimitError, isFindingsJsonPath, parseFindingsFile } from './findings-file.js';
import { sha256Hex, sha256OfStream } from './hashing.js';
import { BUNDLE_LEVEL_FILES, BUNDLE_SUMMARY_JSON, isBundleReportPath, MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE } from './layout.js';
import { ManifestSchema, SignatureEnvelopeSchema, type Manifest } from './manifest.js';
import { pemFingerprint, verifyManifestSignature } from './signing.js';
import { summarizeFindings, type RunSummary } from './summary.js';
import type { TrustedKey } from './trust.js';
import { verifyChain } from './verify-chain.js';
import { FailureLog, finishReport, type VerifiedRun, type VerifyReport } from './verify-report.js';
import { ReportCrossCheck } from './verify-reports.js';
import { verifySigners } from './verify-signer.js';
import { walkZip, type ZipEntryInfo, type ZipEntryReader } from './zip-read.js';

export type { VerifyCheck, VerifyReport } from './verify-report.js';

export interface VerifyOptions {
  /** Keys the auditor trusts, obtained outside the bundle. None: the signer is reported as not pinned. */
  trustedKeys?: readonly TrustedKey[];
}

/**
 * What verification holds in memory, whatever the zip claims. Sizes come from the central directory
 * before anything is inflated, and yauzl cuts off an entry that inflates past its declared size.
 */
export const VERIFY_LIMITS = {
  maxEntries: 1_000_000,
  maxNameBytes: 1_024,
  maxManifestBytes: 8 * 1024 * 1024,
  maxTotalManifestBytes: 64 * 1024 * 1024,
  /** manifest.sig and public-key.pem are a few hundred bytes. */
  maxSmallFileBytes: 64 * 1024,
  maxSummaryBytes: 16 * 1024 * 1024,
  /**
   * findings.json(.gz) is hashed at any size; it is parsed (for the summary cross-check) only up to this,
   * stored or inflated: a findings.json.gz that inflates past it (a gzip bomb) is hashed, not parsed.
   */
  maxFindingsParseBytes: 32 * 1024 * 1024,
} as const;

const RUN_FILE_RE = /^evidence\/([^/]+)\/([^/]+)\/([^/]+)$/;

/** The small signed-run files read in the first pass: manifest, signature, public key. */
const RUN_FILES: readonly string[] = [MANIFEST_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE];

interface SmallFile {
  bytes: Buffer;
  sha256: string;
  count: number;
}

type RunWithManifest = VerifiedRun & { manifest: Manifest };

interface ListedObject {
  run: RunWithManifest;
  sha256: string;
  size: number;
  /** How often the name occurs in the zip; more than once is ambiguous and fails. */
  occurrences: number;
  result?: 'ok' | 'fail';
}

/**
 * Verifies a bundle offline, trusting nothing but the maths and the keys the auditor pinned: object
 * hashes against manifests, manifest signatures against the bundled public keys, the signers against
 * the pinned keys, the hash chain between runs, and that the zip holds exactly the files the manifests
 * list. Never calls AWS. Two passes over the zip: the small signed files first, then every listed
 * object streamed through SHA-256; unlisted content is never read.
 */
export async function verifyBundle(zipPath: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const log = new FailureLog();
  const small = new Map<string, SmallFile>();
  let summaryBytes: Buffer | undefined;
  try {
    let manifestBytes = 0;
    await walkZip(
      zipPath,
      (entry) => {
        if (entry.isDirectory || Buffer.byteLength(entry.name) > VERIFY_LIMITS.maxNameBytes) return undefined;
        if (entry.name === BUNDLE_SUMMARY_JSON) {
          if (entry.uncompressedSize > VERIFY_LIMITS.maxSummaryBytes) return undefined;
          return async (stream) => void (summaryBytes = await readCapped(stream, VERIFY_LIMITS.maxSummaryBytes));
        }
        const file = RUN_FILE_RE.exec(entry.name)?.[3];
        if (!file || !RUN_FILES.includes(file)) return undefined;
        const known = small.get(entry.name);
        if (known) {
          known.count += 1; // ambiguous: reported below, the first copy is not trusted either
          return undefined;
        }
        const cap = file === MANIFEST_FILE ? VERIFY_LIMITS.maxManifestBytes : VERIFY_LIMITS.maxSmallFileBytes;
        if (entry.uncompressedSize > cap) {
          log.add({ status: 'fail', kind: 'archive', subject: entry.name, message: `is ${entry.uncompressedSize} bytes; a genuine ${file} is at most ${cap}` });
          return undefined;
        }
        if (file === MANIFEST_FILE) {
          manifestBytes += entry.uncompressedSize;
          if (manifestBytes > VERIFY_LIMITS.maxTotalManifestBytes) {
            throw new Error(`the manifests total more than ${VERIFY_LIMITS.maxTotalManifestBytes} bytes; not a plausible evidence bundle`);
          }
        }
        return async (stream) => {
          const bytes = await readCapped(stream, cap);
          small.set(entry.name, { bytes, sha256: sha256Hex(bytes), count: 1 });
        };
      },
      VERIFY_LIMITS,
    );
  } catch (error) {
    log.add({ status: 'fail', kind: 'archive', subject: zipPath, message: `not a readable evidence zip: ${(error as Error).message}` });
    return finishReport(zipPath, [], log, { pinned: (options.trustedKeys?.length ?? 0) > 0, signers: [] });
  }

  const runs: RunWithManifest[] = [];
  /** Small files some manifest accounts for; any other copy is unlisted. */
  const covered = new Set<string>();
  const listed = new Map<string, ListedObject>();
  for (const [name, file] of small) {
    if (file.count > 1) log.add({ status: 'fail', kind: 'archive', subject: name, message: `appears ${file.count} times in the zip: which copy is the evidence is ambiguous` });
    if (!name.endsWith(`/${MANIFEST_FILE}`)) continue;
    covered.add(name);
    if (file.count > 1) continue;
    const manifest = parseManifest(name, file.bytes, log);
    if (!manifest) continue;
    const [, accountDir, runDir] = name.split('/');
    if (manifest.accountId !== accountDir || manifest.runId !== runDir) {
      log.add({ status: 'fail', kind: 'manifest', subject: name, message: `names account ${manifest.accountId} run ${manifest.runId} but is stored under ${accountDir}/${runDir}` });
    }
    const run = { accountId: manifest.accountId, runId: manifest.runId, startedAt: manifest.startedAt, manifestPath: name, manifestSha256: file.sha256, manifest };
    runs.push(run);
    const dir = name.slice(0, -MANIFEST_FILE.length);
    covered.add(dir + SIGNATURE_FILE).add(dir + PUBLIC_KEY_FILE);
    checkSignature(dir, file, manifest, small, log, run);
    for (const entry of manifest.entries) {
      if (entry.path.split('/').some((seg) => seg === '..' || seg === '' || seg === '.')) {
        log.add({ status: 'fail', kind: 'manifest', subject: name, message: `lists an unsafe path "${entry.path.slice(0, 200)}"` });
        continue;
      }
      listed.set(dir + entry.path, { run, sha256: entry.sha256, size: entry.size, occurrences: 0 });
    }
  }
  if (runs.length === 0) log.add({ status: 'fail', kind: 'archive', subject: zipPath, message: 'contains no run manifest (evidence/<account>/<run>/manifest.json)' });

  const summaries: RunSummary[] = [];
  const reports = new ReportCrossCheck();
  try {
    await walkZip(zipPath, (entry) => visitObject(entry, covered, listed, summaries, reports, log), VERIFY_LIMITS);
  } catch (error) {
    log.add({ status: 'fail', kind: 'archive', subject: zipPath, message: `could not be read to the end: ${(error as Error).message}` });
  }
  reportObjects(runs, listed, log);

  for (const check of verifyChain(runs)) log.add(check);
  const signers = verifySigners(runs, options.trustedKeys ?? [], log);
  checkSummary(summaryBytes, summaries, log);
  reports.report(log);
  return finishReport(zipPath, runs.map(({ manifest: _m, ...run }) => run), log, { pinned: (options.trustedKeys?.length ?? 0) > 0, signers });
}

/** Second pass: hash listed objects (once each), flag unlisted ones without reading them. */
function visitObject(
  entry: ZipEntryInfo,
  covered: ReadonlySet<string>,
  listed: Map<string, ListedObject>,
  summaries: RunSummary[],
  reports: ReportCrossCheck,
  log: FailureLog,
): ZipEntryReader | undefined {
  if (entry.isDirectory) return undefined;
  const name = Buffer.byteLength(entry.name) > VERIFY_LIMITS.maxNameBytes ? `${entry.name.slice(0, 200)}…` : entry.name;
  if (covered.has(name) || BUNDLE_LEVEL_FILES.includes(name)) return undefined;
  if (isBundleReportPath(name)) return reports.reader(name);
  const object = listed.get(name);
  if (!object) {
    log.add({ status: 'fail', kind: 'unlisted', subject: name, message: 'is in the bundle but not listed in any manifest' });
    return undefined;
  }
  object.occurrences += 1;
  if (object.occurrences > 1) return undefined; // reported once the walk is done; not read again
  if (entry.uncompressedSize !== object.size) {
    object.result = 'fail';
    log.add({ status: 'fail', kind: 'object', subject: name, message: `is ${entry.uncompressedSize} bytes in the zip, the manifest lists ${object.size} bytes` });
    return undefined;
  }
  const findingsList = isFindingsJsonPath(name);
  const parse = findingsList && entry.uncompressedSize <= VERIFY_LIMITS.maxFindingsParseBytes;
  return async (stream: Readable) => {
    const chunks: Buffer[] = [];
    const { sha256, size } = await sha256OfStream(stream, parse ? (c) => chunks.push(c) : undefined);
    if (sha256 !== object.sha256 || size !== object.size) {
      object.result = 'fail';
      log.add({ status: 'fail', kind: 'object', subject: name, message: `SHA-256 ${sha256} (${size} bytes) does not match the manifest's ${object.sha256} (${object.size} bytes)` });
      return;
    }
    object.result = 'ok';
    if (parse) summarizeRun(name, Buffer.concat(chunks), object.run, summaries, reports, log);
    else if (findingsList) {
      log.add({ status: 'note', kind: 'summary', subject: name, message: `hash verified; at ${size} bytes it is not parsed for the summary cross-check` });
    }
  };
}

function summarizeRun(name: string, bytes: Buffer, run: RunWithManifest, summaries: RunSummary[], reports: ReportCrossCheck, log: FailureLog): void {
  try {
    const parsed = parseFindingsFile(name, bytes, VERIFY_LIMITS.maxFindingsParseBytes);
    summaries.push({ accountId: run.accountId, runId: run.runId, startedAt: run.startedAt, status: run.manifest.run.status, standards: summarizeFindings(parsed) });
    // Only from a manifest whose signature verified: the report must match what the signer sealed.
    if (run.publicKeySha256 !== undefined) reports.expect(run.accountId, run.runId, run.manifest.run, parsed);
  } catch (error) {
    if (error instanceof InflateLimitError) {
      // Its hash matched the signed manifest, so it is the evidence as sealed; only too large to parse here.
      log.add({ status: 'note', kind: 'summary', subject: name, message: `hash verified; it inflates past ${VERIFY_LIMITS.maxFindingsParseBytes} bytes, so it is not parsed for the summary cross-check` });
      return;
    }
    log.add({ status: 'fail', kind: 'object', subject: name, message: `is not a valid findings list: ${(error as Error).message.slice(0, 200)}` });
  }
}

/** Per run, one line for the objects that matched; each missing or duplicated object named. */
function reportObjects(runs: readonly VerifiedRun[], listed: Map<string, ListedObject>, log: FailureLog): void {
  const matched = new Map<VerifiedRun, number>();
  const total = new Map<VerifiedRun, number>();
  for (const [path, object] of listed) {
    total.set(object.run, (total.get(object.run) ?? 0) + 1);
    if (object.occurrences === 0) {
      log.add({ status: 'fail', kind: 'missing', subject: path, message: `is listed in ${object.run.manifestPath} but missing from the bundle` });
    } else if (object.occurrences > 1) {
      log.add({ status: 'fail', kind: 'archive', subject: path, message: `appears ${object.occurrences} times in the zip: which copy is the evidence is ambiguous` });
    } else if (object.result === 'ok') {
      matched.set(object.run, (matched.get(object.run) ?? 0) + 1);
    }
  }
  for (const run of runs) {
    const ok = matched.get(run) ?? 0;
    const all = total.get(run) ?? 0;
    if (ok > 0 && ok === all) log.add({ status: 'ok', kind: 'object', subject: run.manifestPath, message: `all ${all} listed objects match their SHA-256 and size` });
  }
}

async function readCapped(stream: Readable, cap: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > cap) throw new Error(`an entry inflates past ${cap} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseManifest(name: string, bytes: Buffer, log: FailureLog): Manifest | undefined {
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    if (parsed.success) return parsed.data;
    log.add({ status: 'fail', kind: 'manifest', subject: name, message: `does not match the manifest schema: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
  } catch (error) {
    log.add({ status: 'fail', kind: 'manifest', subject: name, message: `is not JSON: ${(error as Error).message.slice(0, 200)}` });
  }
  return undefined;
}

function checkSignature(dir: string, manifestFile: SmallFile, manifest: Manifest, small: Map<string, SmallFile>, log: FailureLog, run: VerifiedRun): void {
  const sigPath = dir + SIGNATURE_FILE;
  const pemPath = dir + PUBLIC_KEY_FILE;
  const file = (path: string): SmallFile | undefined => {
    const found = small.get(path);
    return found && found.count === 1 ? found : undefined;
  };
  const sig = file(sigPath);
  const pem = file(pemPath);
  if (!sig) return void log.add({ status: 'fail', kind: 'missing', subject: sigPath, message: 'signature file is missing from the bundle (or there is more than one)' });
  if (!pem) return void log.add({ status: 'fail', kind: 'missing', subject: pemPath, message: 'public key file is missing from the bundle (or there is more than one)' });

  const pemText = pem.bytes.toString('utf8');
  let fingerprint: string;
  try {
    fingerprint = pemFingerprint(pemText);
  } catch (error) {
    return void log.add({ status: 'fail', kind: 'public-key', subject: pemPath, message: `is not a PEM public key: ${(error as Error).message}` });
  }
  if (fingerprint !== manifest.signing.publicKeySha256) {
    return void log.add({ status: 'fail', kind: 'public-key', subject: pemPath, message: `fingerprint ${fingerprint} differs from the key named in the manifest (${manifest.signing.publicKeySha256})` });
  }
  log.add({ status: 'ok', kind: 'public-key', subject: pemPath, message: `fingerprint ${fingerprint} matches the manifest` });

  const envelope = SignatureEnvelopeSchema.safeParse(safeJson(sig.bytes));
  if (!envelope.success) return void log.add({ status: 'fail', kind: 'signature', subject: sigPath, message: 'is not a valid signature envelope' });
  const valid = verifyManifestSignature(manifestFile.bytes, Buffer.from(envelope.data.signature, 'base64'), pemText);
  const hashNote = envelope.data.manifestSha256 === manifestFile.sha256 ? '' : ` (the signature envelope was made for manifest SHA-256 ${envelope.data.manifestSha256}, the bundled manifest is ${manifestFile.sha256})`;
  if (!valid) {
    return void log.add({ status: 'fail', kind: 'signature', subject: dir + MANIFEST_FILE, message: `signature in ${sigPath} does NOT verify with ${pemPath}: manifest edited after signing or signed by another key${hashNote}` });
  }
  // Only a key whose signature verifies is a signer; the pinning check compares it with the trusted keys.
  run.publicKeySha256 = fingerprint;
  log.add({ status: 'ok', kind: 'signature', subject: dir + MANIFEST_FILE, message: `ECDSA P-256/SHA-256 signature by ${envelope.data.keyId} verifies with the bundled key` });
}

/** The summary is unsigned convenience; it must still agree with the signed findings it came from. */
function checkSummary(summaryBytes: Buffer | undefined, recomputed: RunSummary[], log: FailureLog): void {
  if (!summaryBytes) return void log.add({ status: 'note', kind: 'summary', subject: BUNDLE_SUMMARY_JSON, message: 'no summary in the bundle (or too large to read)' });
  const key = (s: RunSummary): string => `${s.accountId}/${s.runId}`;
  const parsed = safeJson(summaryBytes);
  const claimed = new Map((Array.isArray(parsed) ? (parsed as RunSummary[]) : []).map((s) => [key(s), sha256Hex(JSON.stringify(s.standards ?? null))]));
  const mismatched = recomputed.filter((s) => claimed.get(key(s)) !== sha256Hex(JSON.stringify(s.standards)));
  log.add(
    mismatched.length === 0
      ? { status: 'ok', kind: 'summary', subject: BUNDLE_SUMMARY_JSON, message: 'per-standard counts match the signed findings' }
      : { status: 'fail', kind: 'summary', subject: BUNDLE_SUMMARY_JSON, message: `counts differ from the signed findings for ${mismatched.slice(0, 20).map(key).join(', ')}` },
  );
}

function safeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
