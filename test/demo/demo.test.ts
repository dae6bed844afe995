import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoResult } from '../../scripts/demo/run-demo.js';
import { flattenParts } from '../../scripts/demo/sent-mail.js';
import { pemFingerprint } from '../../lib/evidence/signing.js';
import { trustedKeyFromPem } from '../../lib/evidence/trust.js';
import { verifyBundle } from '../../lib/evidence/verify.js';

/** Checks that read the AWS Backup answers moto does not emulate. */
const MOTO_BACKUP_GAP_CHECKS = ['backup_resource_protected', 'backup_restore_testing_plan_exists', 'backup_vault_lock_or_deny_delete', 'backup_recovery_point_encrypted'];

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

    // PARTIAL: moto 5.2 does not emulate AWS Backup's ListProtectedResources, ListRestoreTestingPlans,
    // ListBackupSelections, GetBackupVaultAccessPolicy or ListRecoveryPointsByBackupVault, so exactly the
    // checks that depend on them are ERROR (never PASS/FAIL on missing data); everything else is complete.
    expect(result.runs.map((r) => r.status)).toEqual(['PARTIAL', 'PARTIAL']);
    const erroring = new Set(result.findings.filter((f) => f.status === 'ERROR').map((f) => f.checkId));
    // iam_root_recent_use: moto's credential report has no <root_account> row (ERROR before issue 12 too).
    expect([...erroring].filter((id) => !MOTO_BACKUP_GAP_CHECKS.includes(id))).toEqual(['iam_root_recent_use']);
    const kinds = new Set(result.transitions.map((t) => t.kind));
    expect(kinds).toContain('NEW');
    expect(kinds).toContain('RESOLVED');
    // History is stored by change (issue 16): a finding unchanged between the scans writes no transition.
    expect(kinds).not.toContain('PERSISTING');
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

    // The digest as SES (moto) stored it: a MIME message whose HTML opens with the posture sentence,
    // lists the critical finding first under "Fix first", shows the trend chart inline, and fits Gmail.
    const email = result.digest.email;
    expect(email?.mime?.headers['content-type']).toMatch(/^multipart\/related;/);
    const sentHtml = email?.html ?? '';
    expect(Buffer.byteLength(sentHtml, 'utf8')).toBeLessThan(100_000);
    const visible = sentHtml.replace(/<div style="display:none[^>]*>.*?<\/div>/s, '').replace(/<title>.*?<\/title>/s, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    expect(visible).toMatch(/^\d+ critical, \d+ high(, \d+ medium)?( and \d+ low)? failures open; \d+ new this period; \d+ check results? could not be assessed\./);
    const fixFirst = sentHtml.slice(sentHtml.indexOf('id="fix-first"'));
    expect(fixFirst.indexOf('>critical</span>')).toBeGreaterThan(-1);
    expect(fixFirst.indexOf('>critical</span>')).toBeLessThan(fixFirst.search(/>(high|medium|low)<\/span>/));
    expect(sentHtml.indexOf('id="posture"')).toBeLessThan(sentHtml.indexOf('>Fix first</h2>'));
    expect(sentHtml).toMatch(/<img src="cid:trend-chart@hipaa-audit" [^>]*alt="Open failures per week/);
    const png = flattenParts(email!.mime!).find((p) => p.headers['content-type']?.startsWith('image/png'));
    expect(png?.headers['content-id']).toBe('<trend-chart@hipaa-audit>');
    expect(png?.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The trend's last week is today's posture.
    const openFailures = /(\d+) Open failures/.exec(visible)?.[1];
    expect(visible).toContain(`to ${openFailures} (`);
    const text = await readFile(result.files.digestText!, 'utf8');
    expect(text).toContain('Subject: [HIPAA audit] Demo Clinic');
    expect(text).toMatch(/\n\[RED\] \d+ critical, .* failures open; \d+ new this period/);
    expect(text).toMatch(/\nTrend: the last 12 weeks[^\n]*\n=+\n(\* \d{4}-\d{2}-\d{2}: no run yet\n){11}\* \d{4}-\d{2}-\d{2}: \d+ open failures \(\d+ critical/);
  }, 300_000); // the whole product end to end: about 35 s on an idle 2-core machine, several times that under load
});
