/**
 * RFC 6381 codec strings ("avc1.64001f", "mp4a.40.2") read from an fMP4 init
 * segment, so the master playlist states what the encoder actually produced.
 */

// Bytes between a box's header and its first child box.
const CONTAINERS: Record<string, number> = {
  moov: 0,
  trak: 0,
  mdia: 0,
  minf: 0,
  stbl: 0,
  stsd: 8,
  avc1: 78,
  avc3: 78,
  mp4a: 28,
};

interface Box {
  type: string;
  start: number;
  end: number;
}

function* boxes(data: Uint8Array, start: number, end: number): Generator<Box> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = start;
  while (offset + 8 <= end) {
    let size = view.getUint32(offset);
    const type = String.fromCharCode(data[offset + 4], data[offset + 5], data[offset + 6], data[offset + 7]);
    let header = 8;
    if (size === 1 && offset + 16 <= end) {
      size = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < header || offset + size > end) return;
    yield { type, start: offset + header, end: offset + size };
    offset += size;
  }
}

function findBox(data: Uint8Array, type: string, start = 0, end = data.length): Box | null {
  for (const box of boxes(data, start, end)) {
    if (box.type === type) return box;
    const skip = CONTAINERS[box.type];
    if (skip !== undefined) {
      const found = findBox(data, type, box.start + skip, box.end);
      if (found) return found;
    }
  }
  return null;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

/** "avc1.PPCCLL" from the avcC box: profile, constraint flags, level. */
export function readAvcCodec(init: Uint8Array): string | null {
  const avcC = findBox(init, 'avcC');
  if (!avcC || avcC.end - avcC.start < 4) return null;
  return `avc1.${hex(init[avcC.start + 1])}${hex(init[avcC.start + 2])}${hex(init[avcC.start + 3])}`;
}

/** Reads an MPEG-4 descriptor header: tag and the 1–4 byte size that follows it. */
function descriptor(data: Uint8Array, offset: number): { tag: number; body: number; end: number } | null {
  if (offset >= data.length) return null;
  const tag = data[offset];
  let size = 0;
  let cursor = offset + 1;
  for (let i = 0; i < 4 && cursor < data.length; i += 1) {
    const byte = data[cursor];
    cursor += 1;
    size = (size << 7) | (byte & 0x7f);
    if ((byte & 0x80) === 0) break;
  }
  return { tag, body: cursor, end: cursor + size };
}

/** "mp4a.40.N" from the esds box: object type 0x40 (MPEG-4 audio) and the audio object type (2 = AAC-LC). */
export function readAudioCodec(init: Uint8Array): string | null {
  const esds = findBox(init, 'esds');
  if (!esds) return null;
  const es = descriptor(init, esds.start + 4);
  if (!es || es.tag !== 0x03) return null;
  const flags = init[es.body + 2];
  let cursor = es.body + 3;
  if (flags & 0x80) cursor += 2;
  if (flags & 0x40) cursor += 1 + init[cursor];
  if (flags & 0x20) cursor += 2;
  const config = descriptor(init, cursor);
  if (!config || config.tag !== 0x04) return null;
  const objectType = init[config.body];
  if (objectType !== 0x40) return `mp4a.${hex(objectType)}`;
  const specific = descriptor(init, config.body + 13);
  if (!specific || specific.tag !== 0x05) return 'mp4a.40.2';
  let audioObjectType = init[specific.body] >> 3;
  if (audioObjectType === 31)
    audioObjectType = 32 + (((init[specific.body] & 0x07) << 3) | (init[specific.body + 1] >> 5));
  return `mp4a.40.${audioObjectType}`;
}
