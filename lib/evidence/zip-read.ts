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

/** What the zip's central directory says about an entry, before any of its content is read. */
export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  isDirectory: boolean;
}

/** Reads an entry's content; returned by the visitor only for entries it wants to read. */
export type ZipEntryReader = (stream: Readable) => Promise<void>;

export class ZipLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipLimitError';
  }
}

/**
 * Walks a zip's central directory in order and reads only the entries `visit` asks for, one at a
 * time, so memory stays flat whatever the archive holds: sizes are known before a byte is inflated,
 * and yauzl stops any entry whose content runs past the size its directory record declares.
 */
export async function walkZip(
  zipPath: string,
  visit: (entry: ZipEntryInfo) => ZipEntryReader | undefined,
  limits: { maxEntries: number },
): Promise<number> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, file) =>
      err || !file ? reject(err ?? new Error('no zip')) : resolve(file),
    ),
  );
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ZipLimitError(`holds ${zip.entryCount} entries; more than ${limits.maxEntries} is not a plausible evidence bundle`);
    }
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const info: ZipEntryInfo = {
          name: entry.fileName,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          isDirectory: entry.fileName.endsWith('/'),
        };
        let reader: ZipEntryReader | undefined;
        try {
          reader = visit(info);
        } catch (error) {
          return reject(error);
        }
        if (!reader) return zip.readEntry();
        const read = reader;
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error(`cannot read ${entry.fileName}`));
          read(stream).then(() => zip.readEntry(), (error: unknown) => {
            stream.destroy();
            reject(error);
          });
        });
      });
      zip.readEntry();
    });
    return zip.entryCount;
  } finally {
    zip.close();
  }
}
