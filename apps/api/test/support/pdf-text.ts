import { inflateSync } from 'node:zlib';

/**
 * Reads a PDF the way a person's viewer would, enough for tests: the text of every page (through
 * each embedded font's ToUnicode map) and the images drawn. Handles what pdfkit writes (Flate
 * streams, hex glyph strings in TJ/Tj), not every PDF.
 */
export interface PdfContents {
  pages: string[];
  imageCount: number;
  embeddedFonts: string[];
}

function objects(pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> {
  const text = pdf.toString('latin1');
  const found = new Map<number, { dict: string; stream: Buffer | null }>();
  const pattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (const match of text.matchAll(pattern)) {
    const body = match[2];
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0 && /\/Length/.test(body.slice(0, streamAt))) {
      dict = body.slice(0, streamAt);
      const start = match.index! + match[0].indexOf(body) + streamAt + 'stream'.length;
      const dataStart = text[start] === '\r' ? start + 2 : start + 1;
      const end = text.indexOf('endstream', dataStart);
      const raw = pdf.subarray(dataStart, end);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw, { finishFlush: 2 }) : raw;
    }
    found.set(Number(match[1]), { dict, stream });
  }
  return found;
}

function hexCodes(hex: string, bytes: number): number[] {
  const codes: number[] = [];
  for (let i = 0; i + bytes * 2 <= hex.length; i += bytes * 2)
    codes.push(parseInt(hex.slice(i, i + bytes * 2), 16));
  return codes;
}

function utf16(hex: string): string {
  return String.fromCharCode(...hexCodes(hex.replace(/\s+/g, ''), 2));
}

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, value] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(parseInt(code, 16), utf16(value));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1].matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g,
    )) {
      const start = parseInt(lo, 16);
      const end = parseInt(hi, 16);
      if (rest.startsWith('[')) {
        [...rest.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((value, i) => map.set(start + i, utf16(value[1])));
      } else {
        const first = parseInt(rest.slice(1, -1), 16);
        for (let code = start; code <= end; code += 1)
          map.set(code, String.fromCharCode(first + code - start));
      }
    }
  }
  return map;
}

export function readPdf(pdf: Buffer): PdfContents {
  const all = objects(pdf);
  const fontMaps = new Map<string, Map<number, string>>();
  const embeddedFonts: string[] = [];
  let imageCount = 0;
  for (const { dict } of all.values()) {
    for (const [, name, id] of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = all.get(Number(id));
      const unicodeRef = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      const cmap = unicodeRef && all.get(Number(unicodeRef[1]))?.stream;
      if (cmap) fontMaps.set(name, toUnicode(cmap.toString('latin1')));
    }
    if (/\/Subtype \/Image/.test(dict)) imageCount += 1;
    const fontName = /\/FontName \/([^\s/]+)/.exec(dict);
    if (fontName && /\/FontFile2/.test(dict)) embeddedFonts.push(fontName[1]);
  }
  const pages: string[] = [];
  for (const { dict } of all.values()) {
    if (!/\/Type \/Page\b/.test(dict)) continue;
    const contents = /\/Contents (\d+) 0 R/.exec(dict);
    const stream = contents && all.get(Number(contents[1]))?.stream;
    if (!stream) continue;
    let font: Map<number, string> | undefined;
    let text = '';
    for (const op of stream
      .toString('latin1')
      .matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:[^\]])*)\] TJ|<([0-9a-fA-F]*)> Tj|(T\*|Td|TD|ET)/g)) {
      if (op[1]) font = fontMaps.get(op[1]);
      const strings = op[2]
        ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1])
        : op[3] !== undefined
          ? [op[3]]
          : [];
      for (const hex of strings)
        text += hexCodes(hex, 2)
          .map((code) => font?.get(code) ?? '?')
          .join('');
      if (op[4]) text += '\n';
    }
    pages.push(text);
  }
  return { pages, imageCount, embeddedFonts };
}
