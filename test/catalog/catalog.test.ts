import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lib/checks/registry.js';
import { renderChecksMarkdown } from '../../lib/docs/checks-markdown.js';
import { HIPAA_SPECIFICATIONS, isKnownCitation } from '../../lib/model/hipaa.js';
import { scanReportJsonSchema } from '../../lib/report/json.js';

describe('check catalog', () => {
  it('has unique ids in service_resource_control form', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(_[a-z0-9]+){2,}$/);
  });

  it('cites only real HIPAA implementation specifications and says how to fix every finding', () => {
    for (const check of CHECKS) {
      expect(check.citations.length, check.id).toBeGreaterThan(0);
      for (const citation of check.citations) expect(isKnownCitation(citation), `${check.id}: ${citation}`).toBe(true);
      expect(check.remediation.length, check.id).toBeGreaterThan(20);
      expect(check.rationale.length, check.id).toBeGreaterThan(20);
      expect(check.title.length, check.id).toBeGreaterThan(5);
    }
  });

  it('has at least 45 checks covering every specification the product promises', () => {
    expect(CHECKS.length).toBeGreaterThanOrEqual(45);
    const cited = new Set<string>(CHECKS.flatMap((c) => c.citations));
    const promised = [
      '164.312(a)(1)', '164.312(a)(2)(i)', '164.312(a)(2)(ii)', '164.312(a)(2)(iii)', '164.312(a)(2)(iv)',
      '164.312(b)', '164.312(c)(1)', '164.312(c)(2)', '164.312(d)', '164.312(e)(1)', '164.312(e)(2)(i)',
      '164.312(e)(2)(ii)', '164.308(a)(1)(ii)(D)', '164.308(a)(2)', '164.308(a)(5)(ii)(C)', '164.308(a)(5)(ii)(D)',
      '164.308(a)(7)(ii)(A)', '164.316(b)(2)(i)',
    ];
    expect(promised.filter((c) => !cited.has(c))).toEqual([]);
  });

  it('every check lives in a file named after its id', async () => {
    const { readdirSync } = await import('node:fs');
    // Every family folder (the shared kit is not a family), so a new family is covered without an edit here.
    const families = readdirSync('lib/checks', { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'kit').map((d) => d.name);
    const files = families.flatMap((family) =>
      readdirSync(`lib/checks/${family}`).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, '')),
    );
    for (const check of CHECKS) expect(files, check.id).toContain(check.id);
  });

  it('lists only known specifications in the HIPAA table', () => {
    for (const spec of HIPAA_SPECIFICATIONS) expect(spec.citation).toMatch(/^164\.3(08|10|12|14|16)\(/);
  });
});

describe('generated docs', () => {
  it('docs/checks.md is current (run `npm run docs` after changing a check)', () => {
    expect(readFileSync('docs/checks.md', 'utf8')).toBe(renderChecksMarkdown());
  });

  it('docs/scan-output.schema.json is current (run `npm run docs`)', () => {
    expect(JSON.parse(readFileSync('docs/scan-output.schema.json', 'utf8'))).toEqual(scanReportJsonSchema());
  });
});
