import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ZipFile } from 'yazl';
import type { AwsClientFactory } from '../aws/clients.js';
import type { Finding } from '../model/finding.js';
import { renderHtmlReport } from '../report/html/index.js';
import type { ListOptions } from './chain.js';
import {
  BUNDLE_README, BUNDLE_SUMMARY_JSON, BUNDLE_SUMMARY_MD, bundleReportPath, MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE,
} from './layout.js';
import { ManifestSchema, type Manifest } from './manifest.js';
import { isFindingsJsonPath, MAX_FINDINGS_JSON_BYTES, parseFindingsFile } from './findings-file.js';
import { renderReadme } from './readme.js';
import { getObjectBytes } from './s3-objects.js';
import { BundleRequestError, selectRuns, type RunSelection } from './selection.js';
import { renderSummaryMarkdown, summarizeFindings, type RunSummary } from './summary.js';

export type BuildBundleOptions = RunSelection & ListOptions & {
  clients: AwsClientFactory;
  /** Region of the evidence bucket. */
  region?: string;
  bucket: string;
  accountId?: string;
  output: Writable;
  now?: () => Date;
};

export interface BundleResult {
  /** publicKeySha256: the signing key's fingerprint each manifest names (what an auditor pins). */
  runs: { accountId: string; runId: string; startedAt: string; objects: number; publicKeySha256: string }[];
  entries: number;
}

interface BundledRun {
  manifestKey: string;
  manifestBytes: Buffer;
  manifest: Manifest;
}

/**
 * Streams a zip of the selected runs' evidence to `output`. Object bodies are added with
 * addReadStreamLazy, so yazl opens each S3 GetObject only when it reaches that entry: one download
 * at a time, memory flat regardless of bundle size, and backpressure from `output` reaches S3.
 * Bytes are copied verbatim; nothing is re-serialised, so the bundle verifies exactly what S3 holds.
 */
export async function buildBundle(options: BuildBundleOptions): Promise<BundleResult> {
  const s3 = options.clients.get(S3Client, options.region ?? 'us-east-1');
  const { bucket } = options;
  const selected = await selectRuns(s3, bucket, options, options.accountId, options);
  if (selected.length === 0) throw new BundleRequestError('No runs matched; nothing to bundle.');

  // Manifests are small and needed up front: they say which entries the zip will have.
  const runs: BundledRun[] = [];
  for (const sel of selected) {
    const manifestBytes = await getObjectBytes(s3, bucket, sel.manifestKey);
    const parsed = ManifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')));
    if (!parsed.success) throw new Error(`s3://${bucket}/${sel.manifestKey} is not a valid manifest: ${parsed.error.message}`);
    runs.push({ manifestKey: sel.manifestKey, manifestBytes, manifest: parsed.data });
  }
  runs.sort((a, b) => a.manifest.accountId.localeCompare(b.manifest.accountId) || a.manifest.startedAt.localeCompare(b.manifest.startedAt) || a.manifest.runId.localeCompare(b.manifest.runId));

  const zip = new ZipFile();
  const mtime = (options.now ?? (() => new Date()))();
  // yazl reports entry failures (e.g. a missing S3 object) on the ZipFile, not its stream: destroying
  // the stream with the error makes the pipeline reject and closes `output`.
  zip.on('error', (error: Error) => (zip.outputStream as Readable).destroy(error));
  const done = pipeline(zip.outputStream, options.output);
  let entries = 0;
  const lazyObject = (key: string, zipPath: string, compress: boolean, onBytes?: (bytes: Buffer) => void): void => {
    entries += 1;
    zip.addReadStreamLazy(zipPath, { mtime, compress }, (cb) => {
      const open = onBytes
        ? getObjectBytes(s3, bucket, key).then((bytes) => (onBytes(bytes), Readable.from([bytes])))
        : s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })).then((out) => {
            if (!(out.Body instanceof Readable)) throw new Error(`s3://${bucket}/${key} returned no stream`);
            return out.Body;
          });
      open.then((stream) => cb(null, stream), (error: unknown) => cb(error instanceof Error ? error : new Error(String(error)), Readable.from([])));
    });
  };

  const result: BundleResult = {
    runs: runs.map(({ manifest }) => ({
      accountId: manifest.accountId, runId: manifest.runId, startedAt: manifest.startedAt, objects: manifest.entries.length,
      publicKeySha256: manifest.signing.publicKeySha256,
    })),
    entries: 0,
  };
  zip.addBuffer(Buffer.from(renderReadme(result.runs, mtime.toISOString())), BUNDLE_README, { mtime });
  entries += 1;

  const summaries: RunSummary[] = [];
  for (const { manifestKey, manifestBytes, manifest } of runs) {
    const dir = manifestKey.slice(0, -MANIFEST_FILE.length);
    zip.addBuffer(manifestBytes, dir + MANIFEST_FILE, { mtime });
    entries += 1;
    lazyObject(dir + SIGNATURE_FILE, dir + SIGNATURE_FILE, true);
    lazyObject(dir + PUBLIC_KEY_FILE, dir + PUBLIC_KEY_FILE, true);
    // findings.json is read whole (bounded per run) as it streams past, for the summary and the run's report;
    // the report entry comes right after the run's objects, so only one run's findings are held at a time.
    let runFindings: Finding[] | undefined;
    for (const entry of manifest.entries) {
      const onBytes = entry.kind === 'findings-json' && isFindingsJsonPath(entry.path)
        ? (bytes: Buffer) => {
            // Bounded inflate: a run's findings beyond MAX_FINDINGS_JSON_BYTES fail the bundle rather than memory.
            runFindings = parseFindingsFile(entry.path, bytes, MAX_FINDINGS_JSON_BYTES);
            summaries.push(summarizeRun(manifest, runFindings));
          }
        : undefined;
      lazyObject(dir + entry.path, dir + entry.path, entry.contentEncoding !== 'gzip', onBytes);
    }
    const findingsEntry = manifest.entries.find((entry) => entry.kind === 'findings-json' && isFindingsJsonPath(entry.path));
    if (findingsEntry) {
      entries += 1;
      zip.addReadStreamLazy(bundleReportPath(manifest.accountId, manifest.runId), { mtime }, (cb) => {
        const findings = runFindings;
        runFindings = undefined;
        if (!findings) return cb(new Error(`${dir}${findingsEntry.path} was not read before its report`), Readable.from([]));
        cb(null, Readable.from([Buffer.from(renderHtmlReport(manifest.run, findings))]));
      });
    }
  }
  // Lazy, so yazl builds them only after every findings file above has streamed through.
  zip.addReadStreamLazy(BUNDLE_SUMMARY_MD, { mtime }, (cb) => cb(null, Readable.from([Buffer.from(renderSummaryMarkdown(summaries))])));
  zip.addReadStreamLazy(BUNDLE_SUMMARY_JSON, { mtime }, (cb) => cb(null, Readable.from([Buffer.from(`${JSON.stringify(summaries, null, 2)}\n`)])));
  entries += 2;
  zip.end();
  await done;
  result.entries = entries;
  return result;
}

function summarizeRun(manifest: Manifest, findings: readonly Finding[]): RunSummary {
  return {
    accountId: manifest.accountId,
    runId: manifest.runId,
    startedAt: manifest.startedAt,
    status: manifest.run.status,
    standards: summarizeFindings(findings),
  };
}
