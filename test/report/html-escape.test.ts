import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/model/finding.js';
import { renderHtmlReport } from '../../lib/report/html/index.js';
import { syntheticFindings, syntheticRun } from './fixtures.js';

const HOSTILE = `<script>alert("x")</script>' onmouseover='x' & "quoted"`;

function poisonedReport(): string {
  const [first, ...rest] = syntheticFindings(6);
  if (!first) throw new Error('fixture has no findings');
  const poisoned: Finding = {
    ...first,
    status: 'FAIL',
    checkId: `check_${HOSTILE}`,
    title: HOSTILE,
    reason: HOSTILE,
    remediation: HOSTILE,
    resource: { ...first.resource, id: HOSTILE, arn: HOSTILE, type: HOSTILE, accountId: HOSTILE },
  };
  return renderHtmlReport(syntheticRun([poisoned, ...rest], { id: HOSTILE }), [poisoned, ...rest]);
}

describe('HTML report escaping', () => {
  it('escapes every value from the findings and the run; the only script and style are the report\'s own', () => {
    const page = poisonedReport();
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page.match(/<style\b/g)).toHaveLength(1);
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain(`onmouseover='x'`);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x&#39; &amp; &quot;quoted&quot;');
  });

  it('allows only its own stylesheet and script, by hash, and nothing to load', () => {
    const page = poisonedReport();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1]?.replace(/&#39;/g, "'") ?? '';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    expect(csp.split('; ')).toEqual([
      "default-src 'none'", `style-src ${hash(style)}`, `script-src ${hash(script)}`, "img-src 'none'", "base-uri 'none'", "form-action 'none'",
    ]);
    expect(csp).not.toContain('unsafe-inline');
  });
});
