import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Finding } from '../model/finding.js';
import type { ScanRun } from '../model/run.js';
import { renderHtmlReport, REPORT_FORMAT, reportFormatOf } from '../report/html/index.js';
import { sha256Hex } from './hashing.js';
import { bundleReportPath } from './layout.js';
import type { FailureLog } from './verify-report.js';
import type { ZipEntryReader } from './zip-read.js';

/** The head of a report is read for its format marker; the rest only streams through SHA-256. */
const HEAD_BYTES = 2_048;

interface FoundReport {
  sha256: string;
  format?: string;
  count: number;
}

/**
 * Each run's report.html in a bundle is unsigned, like SUMMARY.md, but an auditor reads it. verify
 * renders it again from the signed findings and manifest and compares the bytes: an edited report
 * fails. A report made by another report format (an older or newer hipaa-audit) cannot be compared
 * byte for byte and is noted, not failed; test/report/html-format.test.ts pins the format so a markup
 * change has to bump REPORT_FORMAT.
 */
export class ReportCrossCheck {
  private readonly expected = new Map<string, string>();
  private readonly found = new Map<string, FoundReport>();

  /** Called with each run's parsed, hash-verified findings. */
  expect(accountId: string, runId: string, run: ScanRun, findings: readonly Finding[]): void {
    this.expected.set(bundleReportPath(accountId, runId), sha256Hex(renderHtmlReport(run, findings)));
  }

  reader(name: string): ZipEntryReader | undefined {
    const known = this.found.get(name);
    if (known) {
      known.count += 1;
      return undefined;
    }
    const found: FoundReport = { sha256: '', count: 1 };
    this.found.set(name, found);
    return async (stream: Readable) => {
      const hash = createHash('sha256');
      let head = Buffer.alloc(0);
      for await (const chunk of stream) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, bytes.subarray(0, HEAD_BYTES - head.length)]);
      }
      found.sha256 = hash.digest('hex');
      found.format = reportFormatOf(head.toString('utf8'));
    };
  }

  report(log: FailureLog): void {
    for (const [name, found] of this.found) {
      const expected = this.expected.get(name);
      if (found.count > 1) {
        log.add({ status: 'fail', kind: 'report', subject: name, message: `appears ${found.count} times in the zip: which copy is the run's report is ambiguous` });
      } else if (expected === undefined) {
        log.add({ status: 'note', kind: 'report', subject: name, message: 'not compared: the bundle has no findings.json of that run whose hash and manifest signature verify (or it was too large to parse)' });
      } else if (found.format !== REPORT_FORMAT) {
        log.add({ status: 'note', kind: 'report', subject: name, message: `NOT checked: declares report format ${found.format ?? '(none)'}, this verify renders ${REPORT_FORMAT}; do not rely on it, read the run's findings.json (verified) or check with the hipaa-audit version that built the bundle` });
      } else if (found.sha256 === expected) {
        log.add({ status: 'ok', kind: 'report', subject: name, message: 'matches the page rendered again from the signed findings and manifest' });
      } else {
        log.add({ status: 'fail', kind: 'report', subject: name, message: 'differs from the page rendered again from the signed findings and manifest: it was edited after the bundle was built' });
      }
    }
  }
}
