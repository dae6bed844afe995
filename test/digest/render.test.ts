import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../lib/digest/render.js';
import { digestFinding, NASTY_BUCKET, sampleDigestInput } from './fixtures.js';

// Headings are matched as `>title</h2>` because the banner text mentions section names too.
const SECTIONS = [
  'id="posture"',
  'PARTIAL RUN',
  'Open failures',
  '>Fix first</h2>',
  '>Trend: the last 12 weeks</h2>',
  '>Posture by HIPAA standard</h2>',
  '>New &amp; regressed failures</h2>',
  '>Resolved</h2>',
  '>Oldest open failures</h2>',
  '>Could not be assessed</h2>',
  '>Risk acceptances</h2>',
  '>Security official designation (164.308(a)(2))</h2>',
  '>Coverage</h2>',
  '>What this audit does not look at</h2>',
  '>Evidence bundle</h2>',
];

describe('renderDigest HTML', () => {
  it('renders every section, in order', () => {
    const { html } = renderDigest(sampleDigestInput());
    const positions = SECTIONS.map((s) => html.indexOf(s));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('is self-contained mail HTML: inline styles, fluid 640px table, no external resources', () => {
    const { html } = renderDigest(sampleDigestInput());
    expect(html).toContain('max-width:640px');
    expect(html).toContain('name="viewport"');
    expect(html).not.toMatch(/<style|<script|<img|<link|@import|url\(/i);
    // Every link goes to the evidence bundle (the "and N more" lines point there too).
    const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links)).toEqual(new Set(['https://evidence.example/bundle.zip?X-Amz-Signature=abc&amp;X-Amz-Expires=604800']));
  });

  it('escapes every interpolated value', () => {
    const { html } = renderDigest(sampleDigestInput());
    expect(html).not.toContain(NASTY_BUCKET);
    expect(html).not.toContain('<script>');
    expect(html).toContain('phi-&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;co');
    expect(html).toContain('Acme Health &lt;Clinics&gt; &amp; &quot;Partners&quot;');
    expect(html).toContain('href="https://evidence.example/bundle.zip?X-Amz-Signature=abc&amp;X-Amz-Expires=604800"');
  });

  it('caps long lists with "and N more"', () => {
    const input = sampleDigestInput();
    const { html } = renderDigest(input, { maxItemsPerList: 5 });
    expect(html).toContain('legacy-bucket-5');
    expect(html).not.toContain('legacy-bucket-6<');
    // 24 open failures, 5 shown.
    expect(html).toContain('and 19 more');
    // ... and says where the rest is: each run's HTML report in the bundle, or the command that makes one.
    expect(html).toContain('and 19 more. The full list is in the evidence bundle: open reports/&lt;account&gt;/&lt;run&gt;/report.html in a browser');
    expect(renderDigest(input, { maxItemsPerList: 5 }).text).toContain('scan --format html --output report.html');
    const capped = renderDigest(input, { maxItemsPerList: 2 });
    expect(capped.html).toContain('and 1 more'); // 3 new failures, 2 shown
    expect(renderDigest(input).html).toContain('and 9 more'); // default cap 15 of 24
  });

  it('shows a prominent banner for PARTIAL, FAILED and missing runs', () => {
    expect(renderDigest(sampleDigestInput()).html).toContain('PARTIAL RUN: results are incomplete');
    expect(renderDigest(sampleDigestInput({ runStatus: 'FAILED' })).html).toContain('AUDIT RUN FAILED');
    expect(renderDigest(sampleDigestInput({ runStatus: 'NONE', runs: [] })).html).toContain('NO AUDIT RUN IN THIS PERIOD');
    const complete = renderDigest(sampleDigestInput({ runStatus: 'COMPLETE' })).html;
    expect(complete).toContain('Audit run complete');
    expect(complete).not.toContain('PARTIAL RUN');
  });

  it('lists expired and expiring risk acceptances', () => {
    const { html } = renderDigest(sampleDigestInput());
    expect(html).toContain('Expired 12 days ago');
    expect(html).toContain('rds_instance_backup_enabled');
    expect(html).toContain('Expires in 7 days');
    expect(html).toContain('arn:aws:s3:::legacy-*');
    const none = renderDigest(sampleDigestInput({ expiredAcceptances: [], expiringAcceptances: [] })).html;
    expect(none).toContain('No risk acceptance has expired or expires within 30 days.');
  });

  it('warns when the SECURITY contact is missing or differs, and not when all are designated', () => {
    const { html } = renderDigest(sampleDigestInput());
    expect(html).toContain('Security contact missing or not the designated officer');
    expect(html).toContain('MISSING');
    const differs = renderDigest(
      sampleDigestInput({ securityContact: { officerEmails: ['o@acme.example'], accounts: [{ accountId: '111122223333', status: 'DIFFERS', detail: 'SECURITY contact is old@acme.example.' }] } }),
    ).html;
    expect(differs).toContain('Differs from the designated officer');
    const ok = renderDigest(
      sampleDigestInput({ securityContact: { officerEmails: ['o@acme.example'], accounts: [{ accountId: '111122223333', status: 'OK' }] } }),
    ).html;
    expect(ok).not.toContain('Security contact missing');
    expect(ok).toContain('The SECURITY alternate contact is set in every account.');
  });

  it('says ERROR is not compliance and gives the reason', () => {
    const { html } = renderDigest(sampleDigestInput());
    expect(html).toContain('Not assessed is not compliant');
    expect(html).toContain('AccessDeniedException on cloudtrail:DescribeTrails');
    expect(html).toContain('last assessed result: PASS');
  });

  it('shows posture changes since the previous digest, or says there is none', () => {
    const { html } = renderDigest(sampleDigestInput());
    expect(html).toContain('164.312(b) Audit controls');
    expect(html).toContain('+2 vs last digest');
    const first = renderDigest(sampleDigestInput({ previousPosture: undefined, postureByStandard: [{ standard: '164.312(b) Audit controls', current: { pass: 1, fail: 0, error: 0, suppressed: 0 } }] })).html;
    expect(first).toContain('No previous digest to compare with');
    expect(first).not.toContain('vs last digest');
  });

  it('includes new-failure details: severity, resource, region, reason, remediation, citations', () => {
    const { html } = renderDigest(sampleDigestInput());
    expect(html).toContain('critical');
    expect(html).toContain('global · account 444455556666');
    expect(html).toContain('User alice has a console password and no MFA device.');
    expect(html).toContain('Assign MFA device');
    expect(html).toContain('HIPAA 164.312(d)');
    expect(html).toContain('Regressed (was fixed before)');
  });

  it('handles an empty bundle link and a non-http link cannot get in', () => {
    expect(renderDigest(sampleDigestInput({ bundleLink: undefined })).html).toContain('No evidence bundle link');
    expect(() => sampleDigestInput({ bundleLink: { url: 'javascript:alert(1)' } })).toThrow();
  });

  it('says a missing bundle is missing, why, and the command that builds it, in HTML and text', () => {
    const command = 'hipaa-audit bundle --from 2025-03-01 --to 2025-03-08 --evidence-bucket ev --region us-east-1 --output b.zip';
    const { html, text } = renderDigest(sampleDigestInput({ bundleLink: undefined, bundleMissing: { reason: 'NoSuchBucket: The specified bucket does not exist', command } }));
    for (const body of [html, text]) {
      expect(body).toContain('The evidence bundle for this period is missing: NoSuchBucket: The specified bucket does not exist');
      expect(body).toContain(command);
    }
    expect(html).not.toContain('Download the signed evidence bundle');
  });

  it('states when a link may die before its nominal expiry, and shows the signing key fingerprint to pin', () => {
    const fingerprint = 'ab'.repeat(32);
    const { html, text } = renderDigest(sampleDigestInput({
      bundleLink: { url: 'https://example.com/b.zip', expiresAt: '2025-03-15T08:00:00.000Z', expiryLimitedBy: 'unknown-credentials' },
      signingKeyFingerprint: fingerprint,
    }));
    for (const body of [html, text]) {
      expect(body).toContain('The link expires 2025-03-15 08:00 UTC at the latest; it was signed with temporary credentials and may stop working sooner.');
      expect(body).toContain(`--trusted-key-fingerprint ${fingerprint}`);
    }
  });
});

describe('subject', () => {
  it('counts new failures and fixes, and flags a partial run', () => {
    expect(renderDigest(sampleDigestInput()).subject).toBe(
      '[HIPAA audit] Acme Health <Clinics> & "Partners": 2025-07-06 to 2025-07-13 — 3 new failures, 2 fixed (partial run)',
    );
  });

  it('says "no new failures" and omits the fixed part when nothing was fixed', () => {
    const s = renderDigest(sampleDigestInput({ organizationName: 'Acme', newFailures: [], resolved: [], runStatus: 'COMPLETE' })).subject;
    expect(s).toBe('[HIPAA audit] Acme: 2025-07-06 to 2025-07-13 — no new failures');
  });

  it('uses the singular, flags failed and missing runs, and keeps the subject on one line', () => {
    const one = sampleDigestInput({ organizationName: 'Acme\r\nBcc: x@evil.example', runStatus: 'FAILED', resolved: [] });
    const single = { ...one, newFailures: one.newFailures.slice(0, 1) };
    const s = renderDigest(single).subject;
    expect(s).toBe('[HIPAA audit] Acme Bcc: x@evil.example: 2025-07-06 to 2025-07-13 — 1 new failure (run failed)');
    expect(s).not.toMatch(/[\r\n]/);
    expect(renderDigest(sampleDigestInput({ runStatus: 'NONE', runs: [] })).subject).toMatch(/\(no audit run\)$/);
  });
});

describe('renderDigest text', () => {
  it('has the same sections, in order, with the essentials', () => {
    const { text } = renderDigest(sampleDigestInput(), { maxItemsPerList: 5 });
    const order = ['[RED] 1 critical, 8 high, 10 medium and 5 low failures open; 3 new this week', '!!! PARTIAL RUN', '\nHeadline\n', '\nFix first\n', '\nTrend: the last 12 weeks', '\nPosture by HIPAA standard\n', '\nNew & regressed failures\n', '\nResolved\n', '\nOldest open failures\n', '\nCould not be assessed\n', '\nRisk acceptances', '\nSecurity official designation (164.308(a)(2))\n', '\nCoverage\n', '\nWhat this audit does not look at\n', '\nEvidence bundle\n'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain(`Resource: ${NASTY_BUCKET} (AWS::S3::Bucket)`); // raw in text/plain: nothing to escape
    expect(text).toContain('Fix: IAM console > Users > alice');
    expect(text).toContain('* 193 days [HIGH] S3 bucket encrypts objects at rest with KMS: legacy-bucket-1');
    expect(text).toContain('... and 19 more');
    expect(text).toContain('NOT ASSESSED IS NOT COMPLIANT');
    // The dates the officer entered (the last day each applies), not the exclusive end instant.
    expect(text).toContain('EXPIRED 2025-06-30 (12 days ago): rds_instance_backup_enabled');
    expect(text).toContain('expires 2025-07-19 (in 7 days): s3_bucket_access_logging');
    expect(text).toContain('In force (1):\n* until 2025-07-19: s3_bucket_access_logging on arn:aws:s3:::legacy-*, account 111122223333; Legacy buckets scheduled for deletion in Q3.; approved by Dana Officer');
    expect(text).toContain('WARNING: the SECURITY alternate contact is missing');
    expect(text).toContain('* Account 444455556666: MISSING');
    expect(text).toContain('Open failures: 24 (+2 vs last digest)');
    expect(text).toContain('164.312(b) Audit controls: fail 1 (+1), error 2 (+2), pass 20 (−3), accepted 0 (±0)');
    expect(text).toContain('https://evidence.example/bundle.zip?X-Amz-Signature=abc&X-Amz-Expires=604800');
    expect(text).toContain('The link expires 2025-07-20 07:00 UTC.');
    expect(text).toContain('Run run-20250713T060000Z-abc12345: PARTIAL');
    expect(text).not.toMatch(/<(table|div|p|span|td)\b/i);
  });

  it('lists what the audit does not look at: unassessed types per region, or why there is no inventory', () => {
    const { html, text } = renderDigest(sampleDigestInput());
    expect(text).toContain('* 111122223333 us-east-1: AWS::Glue::Job 12, AWS::Athena::WorkGroup 3');
    expect(text).toContain('* 444455556666 us-west-2: inventory unavailable: AWS Config records no resources here');
    expect(html).toContain('AWS::Glue::Job 12, AWS::Athena::WorkGroup 3');
    expect(text).not.toContain('AWS::S3::Bucket 14');
  });

  it('is deterministic', () => {
    const input = sampleDigestInput({ newFailures: [{ kind: 'NEW', at: '2025-07-10T00:00:00.000Z', finding: digestFinding({ id: 'x' }) }] });
    expect(renderDigest(input)).toEqual(renderDigest(input));
  });
});
