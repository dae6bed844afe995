import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../../scripts/demo/run-demo.js';
import { pemFingerprint } from '../../lib/evidence/signing.js';
import { trustedKeyFromPem } from '../../lib/evidence/trust.js';
import { verifyBundle } from '../../lib/evidence/verify.js';

// `npm run demo` end to end (the same function the script calls), asserting on what it writes.
describe('demo', () => {
  let dir = '';
  let result: DemoResult;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs scan -> store -> fix -> scan -> bundle -> verify -> digest on emulated accounts', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hipaa-demo-'));
    result = await runDemo({ outputDir: dir });

    expect(result.runs.map((r) => r.status)).toEqual(['COMPLETE', 'COMPLETE']);
    const kinds = new Set(result.transitions.map((t) => t.kind));
    expect(kinds).toContain('NEW');
    expect(kinds).toContain('RESOLVED');
    expect(kinds).toContain('PERSISTING');
    // Fixed between the scans: password policy length.
    expect(result.transitions).toContainEqual(expect.objectContaining({ kind: 'RESOLVED', finding: expect.objectContaining({ checkId: 'iam_password_policy_min_length' }) }));
    // Created between the scans: the research bucket without encryption.
    expect(result.transitions).toContainEqual(expect.objectContaining({
      kind: 'NEW', finding: expect.objectContaining({ checkId: 's3_bucket_default_encryption', resource: expect.objectContaining({ id: 'demo-clinic-research-extracts' }) }),
    }));
    // The accepted risk stays visible.
    expect(result.findings).toContainEqual(expect.objectContaining({ status: 'SUPPRESSED', checkId: 's3_bucket_object_lock_enabled' }));

    expect(result.bundle).toMatchObject({ ok: true, outcome: 'verified', failures: 0, runs: 2 });
    // The demo's bundle passes with the written public key pinned, and is only "unpinned" without it.
    const pem = await readFile(result.files.signingPublicKey!, 'utf8');
    expect(pemFingerprint(pem)).toBe(result.bundle.signingKeySha256);
    expect((await verifyBundle(result.files.bundle!, { trustedKeys: [trustedKeyFromPem(pem, 'demo')] })).outcome).toBe('verified');
    expect((await verifyBundle(result.files.bundle!)).outcome).toBe('unpinned');
    expect(result.digest.sent).toBe(true);
    expect(result.digest.email?.to).toEqual(['security.officer@demo-clinic.example']);
    expect(result.digest.subject).toMatch(/Demo Clinic: .* new failures?, 9 fixed/);

    const findings = JSON.parse(await readFile(result.files.findingsJson!, 'utf8')) as unknown[];
    expect(findings.length).toBe(result.findings.length);
    const csv = await readFile(result.files.findingsCsv!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('checkId,title,citations');
    const html = await readFile(result.files.digestHtml!, 'utf8');
    expect(html).toContain('Demo Clinic');
    const text = await readFile(result.files.digestText!, 'utf8');
    expect(text).toContain('Subject: [HIPAA audit] Demo Clinic');
  }, 300_000); // the whole product end to end: about 35 s on an idle 2-core machine, several times that under load
});
