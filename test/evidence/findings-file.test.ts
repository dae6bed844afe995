import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/evidence/canonical-json.js';
import { gunzipCapped, gzipDeterministic, InflateLimitError, isFindingsJsonPath, parseFindingsFile } from '../../lib/evidence/findings-file.js';
import { ACCOUNT, finding } from './fixtures.js';

describe('stored findings file', () => {
  const findings = [finding('FAIL', 'bucket-a', ['164.312(a)(1)']), finding('PASS', 'bucket-b', ['164.312(b)'])];
  const json = Buffer.from(canonicalJson(findings));

  it('gzips deterministically: no mtime in the header, identical bytes on a retry', () => {
    const first = gzipDeterministic(json);
    expect(gzipDeterministic(json).equals(first)).toBe(true);
    // RFC 1952: bytes 4-7 are MTIME; 0 means "no time stamp". Byte 3 (FLG) 0: no file name or comment.
    expect(first.readUInt32LE(4)).toBe(0);
    expect(first[3]).toBe(0);
    expect(first.length).toBeLessThan(json.length);
  });

  it('reads both formats: findings.json.gz and the uncompressed findings.json of older runs', () => {
    expect(parseFindingsFile('findings.json.gz', gzipDeterministic(json), 1024 * 1024)).toEqual(findings);
    expect(parseFindingsFile(`evidence/${ACCOUNT}/r/findings.json`, json, 1024 * 1024)).toEqual(findings);
    expect(isFindingsJsonPath(`evidence/${ACCOUNT}/r/findings.json.gz`)).toBe(true);
    expect(isFindingsJsonPath('findings.csv.gz')).toBe(false);
  });

  it('refuses to inflate past its cap (a gzip bomb stops at the cap, whatever its size)', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(() => gunzipCapped('findings.json.gz', bomb, 1024 * 1024)).toThrow(InflateLimitError);
    expect(() => parseFindingsFile('findings.json', json, 10)).toThrow(InflateLimitError);
  });
});
