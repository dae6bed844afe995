/**
 * Renders the fixture digest and screenshots it with headless Chromium at phone widths (360 and 390 px) and
 * at 800 px, so layout changes can be checked by eye. Not part of `npm test`: Chromium is optional.
 *
 *   npx tsx scripts/screenshot-digest.ts [outDir=/tmp/digest-screens]
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { renderDigest } from '../lib/digest/render.js';
import { sampleDigestInput } from '../test/digest/fixtures.js';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
// 360 px is the narrowest common phone; 390 a current iPhone; 800 a desktop mail pane.
const WIDTHS = [360, 390, 800] as const;

async function screenshot(htmlFile: string, png: string, width: number): Promise<void> {
  // A throwaway profile per shot: no state, no first-run UI, nothing shared between widths.
  const profile = await mkdtemp(join(tmpdir(), 'digest-chromium-'));
  try {
    await run(CHROMIUM, [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      `--window-size=${width},2400`,
      `--screenshot=${png}`,
      `file://${htmlFile}`,
    ], { timeout: 60_000 });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`Skipping digest screenshots: ${CHROMIUM} not found (apt-get install -y chromium, or set CHROMIUM_BIN).`);
    return;
  }
  const outDir = resolve(process.argv[2] ?? '/tmp/digest-screens');
  await mkdir(outDir, { recursive: true });
  const digest = renderDigest(sampleDigestInput(), { maxItemsPerList: 5 });
  const htmlFile = join(outDir, 'digest.html');
  await writeFile(htmlFile, digest.html, 'utf8');
  await writeFile(join(outDir, 'digest.txt'), digest.text, 'utf8');
  for (const width of WIDTHS) {
    const png = join(outDir, `digest-${width}.png`);
    await screenshot(htmlFile, png, width);
    console.log(`${width}px: ${png}`);
  }
  console.log(`Subject: ${digest.subject}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
