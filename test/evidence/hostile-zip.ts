// Writes zips with huge zero-filled entries without holding or deflating them whole: 1 MiB of zeros is
// deflated once with a full flush (which resets the compressor, so every further MiB compresses to the
// same bytes), repeated, and closed with an empty final block. Plain zip (no zip64): entries < 4 GiB.
import { open } from 'node:fs/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const MIB = 1024 * 1024;
const ZERO_MIB = Buffer.alloc(MIB);
/** An empty stored block with BFINAL set: ends a raw deflate stream. */
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
const ZERO_PIECE = deflateRawSync(ZERO_MIB, { finishFlush: constants.Z_FULL_FLUSH });

export type ZipSource = { name: string; bytes: Buffer } | { name: string; zeroMiB: number };

interface Prepared {
  name: Buffer;
  crc: number;
  size: number;
  compressedSize: number;
  write: (emit: (chunk: Buffer) => Promise<void>) => Promise<void>;
}

const zeroCrc = new Map<number, number>();
function crcOfZeros(mib: number): number {
  let crc = zeroCrc.get(mib);
  if (crc === undefined) {
    crc = 0;
    for (let i = 0; i < mib; i += 1) crc = crc32(ZERO_MIB, crc);
    zeroCrc.set(mib, crc);
  }
  return crc;
}

function prepare(source: ZipSource): Prepared {
  const name = Buffer.from(source.name, 'utf8');
  if ('bytes' in source) {
    const compressed = deflateRawSync(source.bytes);
    return { name, crc: crc32(source.bytes), size: source.bytes.length, compressedSize: compressed.length, write: (emit) => emit(compressed) };
  }
  const { zeroMiB } = source;
  return {
    name,
    crc: crcOfZeros(zeroMiB),
    size: zeroMiB * MIB,
    compressedSize: zeroMiB * ZERO_PIECE.length + FINAL_BLOCK.length,
    write: async (emit) => {
      for (let i = 0; i < zeroMiB; i += 1) await emit(ZERO_PIECE);
      await emit(FINAL_BLOCK);
    },
  };
}

function header(signature: number, p: Prepared, central: { offset: number } | undefined): Buffer {
  const fixed = Buffer.alloc(central ? 46 : 30);
  let at = 0;
  const u32 = (v: number) => (at = fixed.writeUInt32LE(v >>> 0, at));
  const u16 = (v: number) => (at = fixed.writeUInt16LE(v, at));
  u32(signature);
  if (central) u16(20); // version made by
  u16(20); // version needed
  u16(0x0800); // UTF-8 names
  u16(8); // deflate
  u16(0); // time
  u16(0x21); // date 1980-01-01
  u32(p.crc);
  u32(p.compressedSize);
  u32(p.size);
  u16(p.name.length);
  u16(0); // extra
  if (central) {
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(central.offset);
  }
  return Buffer.concat([fixed, p.name]);
}

export async function writeZip(dest: string, sources: Iterable<ZipSource>): Promise<void> {
  const file = await open(dest, 'w');
  let offset = 0;
  const emit = async (chunk: Buffer): Promise<void> => {
    await file.write(chunk);
    offset += chunk.length;
  };
  const central: Buffer[] = [];
  let count = 0;
  try {
    for (const source of sources) {
      const prepared = prepare(source);
      central.push(header(0x02014b50, prepared, { offset }));
      await emit(header(0x04034b50, prepared, undefined));
      await prepared.write(emit);
      count += 1;
    }
    const directory = Buffer.concat(central);
    const directoryOffset = offset;
    await emit(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(directoryOffset, 16);
    await emit(end);
  } finally {
    await file.close();
  }
}
