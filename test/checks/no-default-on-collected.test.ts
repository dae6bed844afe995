// The lint rule that keeps checks from defaulting collected data (eslint.config.js, lib/checks/**):
// pinned here so that loosening it is a visible test failure, not a silent config change.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

async function restrictedSyntax(code: string): Promise<number> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath: 'lib/checks/storage/example_check.ts' });
  return result?.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length ?? -1;
}

describe('lint: no default in place of collected data inside lib/checks', () => {
  it.each([
    ['const x = snapshot.storage.buckets?.data ?? [];'],
    ['const t = bucket.logging.data?.targetBucket;'],
    ['const n = (region.cloudtrail.data?.trails ?? []).length;'],
    ['const ok = part.data || [];'],
    ['const s = detector.detail.data?.status ?? "unknown";'],
    ['const list = maybe ?? [];'],
  ])('flags %s', async (code) => {
    expect(await restrictedSyntax(`declare const snapshot: any, bucket: any, region: any, part: any, detector: any, maybe: any;\n${code}\nexport {};`)).toBeGreaterThan(0);
  });

  it('accepts reading data after the error is checked', async () => {
    const code = 'declare const part: { data: string[]; error?: undefined } | { data?: undefined; error: object };\nexport const n = part.error ? 0 : part.data.length;\n';
    expect(await restrictedSyntax(code)).toBe(0);
  });
});
