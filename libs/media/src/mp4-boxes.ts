import { open } from 'node:fs/promises';

/** The top-level boxes of an MP4/MOV (ISO BMFF) file as their headers declare them. */
export interface Mp4Outline {
  fileSize: number;
  /** Where the boxes say the file ends: past `fileSize` when the file was cut short. */
  declaredEnd: number;
  /** The index (`moov`) box is there in full. */
  hasIndex: boolean;
}

// Top-level box types an MP4/MOV file starts with; anything else is not read as one.
const FIRST_BOXES = new Set(['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot', 'styp']);
const MAX_BOXES = 10_000;

type ReadAt = (offset: number, length: number) => Promise<Buffer>;

/**
 * Walks the top-level box headers (8 or 16 bytes each, nothing else is read). Null when the file
 * does not start like an MP4/MOV. Pure over `readAt`, so it is tested with plain buffers.
 */
export async function outlineMp4(fileSize: number, readAt: ReadAt): Promise<Mp4Outline | null> {
  let offset = 0;
  let hasIndex = false;
  for (let count = 0; offset < fileSize && count < MAX_BOXES; count += 1) {
    const header = await readAt(offset, 16);
    if (header.length < 8) return count === 0 ? null : { fileSize, declaredEnd: offset + 8, hasIndex };
    const type = header.toString('latin1', 4, 8);
    if (count === 0 && !FIRST_BOXES.has(type)) return null;
    if (!/^[\x20-\x7e]{4}$/.test(type))
      return count === 0 ? null : { fileSize, declaredEnd: offset, hasIndex };
    let size = header.readUInt32BE(0);
    if (size === 1) {
      if (header.length < 16) return { fileSize, declaredEnd: offset + 16, hasIndex };
      size = Number(header.readBigUInt64BE(8));
    } else if (size === 0) {
      size = fileSize - offset; // "to the end of the file"
    }
    if (size < 8) return count === 0 ? null : { fileSize, declaredEnd: offset, hasIndex };
    const end = offset + size;
    if (type === 'moov' && end <= fileSize) hasIndex = true;
    offset = end;
  }
  return { fileSize, declaredEnd: offset, hasIndex };
}

/** Reads a file's MP4 outline from disk; null when it is not an MP4/MOV. */
export async function readMp4Outline(file: string): Promise<Mp4Outline | null> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    return await outlineMp4(size, async (offset, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    });
  } finally {
    await handle.close();
  }
}

/** The file is an MP4/MOV that stops before its boxes do, or never got its index. */
export function isCutShort(outline: Mp4Outline | null | undefined): boolean {
  return !!outline && (outline.declaredEnd > outline.fileSize || !outline.hasIndex);
}
