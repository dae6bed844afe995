import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDataPlaneCommands } from '../../lib/evidence/data-plane.js';

const ROOT = join(import.meta.dirname, '..', '..');
const COLLECTORS = join(ROOT, 'lib', 'collectors');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : Promise.resolve(/\.(ts|mts|js|mjs)$/.test(e.name) ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

describe('collectors never read data-plane content (PHI, secrets, message/log payloads)', () => {
  it('detects data-plane commands in source text (detector self-test)', () => {
    expect(findDataPlaneCommands("import { GetObjectCommand, GetObjectLockConfigurationCommand } from '@aws-sdk/client-s3';")).toEqual(['GetObjectCommand']);
    expect(findDataPlaneCommands('new ScanCommand({}); new DescribeTableCommand({}); new GetSecretValueCommand({})')).toEqual(['GetSecretValueCommand', 'ScanCommand']);
    expect(findDataPlaneCommands('GetParametersCommand FilterLogEventsCommand DownloadDBLogFilePortionCommand')).toHaveLength(3);
    expect(findDataPlaneCommands('GetBucketPolicyCommand ListObjectsV2Command DescribeLogGroupsCommand')).toEqual([]);
  });

  it('finds no data-plane command in any file under lib/collectors/', async () => {
    const files = await sourceFiles(COLLECTORS);
    const offenders: string[] = [];
    for (const file of files) {
      const found = findDataPlaneCommands(await readFile(file, 'utf8'));
      if (found.length > 0) offenders.push(`${relative(ROOT, file)}: ${found.join(', ')}`);
    }
    expect(offenders, `collectors must only read configuration metadata:\n${offenders.join('\n')}`).toEqual([]);
  });
});
