import { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * Visits every entry of a zip in order, handing over a stream of its uncompressed bytes. Entries are
 * read one at a time (lazyEntries), so verifying a multi-GB bundle needs only one entry's buffers.
 */
export async function forEachZipEntry(
  zipPath: string,
  visit: (name: string, stream: Readable, isDirectory: boolean) => Promise<void>,
): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (err, file) => (err || !file ? reject(err ?? new Error('no zip')) : resolve(file))),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const isDirectory = entry.fileName.endsWith('/');
        if (isDirectory) {
          visit(entry.fileName, Readable.from([]), true).then(() => zip.readEntry(), reject);
          return;
        }
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error(`cannot read ${entry.fileName}`));
          visit(entry.fileName, stream, false).then(() => zip.readEntry(), reject);
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
