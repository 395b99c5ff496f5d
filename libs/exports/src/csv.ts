import { type ExportDocument, timecodeFormat } from './model';

export const CSV_COLUMNS = [
  'timecode',
  'frame',
  'end timecode',
  'end frame',
  'kind',
  'author',
  'status',
  'tags',
  'internal',
  'text',
  'created',
  'link',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break. Text a
 * spreadsheet would run as a formula (=, +, -, @ first, also after spaces or line breaks that an
 * import may trim) or that starts with a tab or line break is written with a leading apostrophe.
 */
export function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^(?:[\t\r\n]|\s*[=+\-@])/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per note and per reply (a reply under its note, with the note's timecode): timecode,
 * frame, range end, author, status, tags, internal, text, and the link to the frame in Cutroom.
 * UTF-8 with a byte-order mark so spreadsheets read any script.
 */
export function toCsv(document: ExportDocument): string {
  const tc = timecodeFormat(document.timeline);
  const rows: (string | number | boolean)[][] = [[...CSV_COLUMNS]];
  for (const note of document.notes) {
    const at = note.frame === null ? '' : tc.format(note.frame);
    const end = note.frameEnd === null ? '' : tc.format(note.frameEnd);
    const link = note.frame !== null && document.frameLink ? document.frameLink(note.frame) : '';
    const status = note.resolved ? 'resolved' : 'open';
    const place = [at, note.frame ?? '', end, note.frameEnd ?? ''];
    rows.push([
      ...place,
      'note',
      note.author,
      status,
      note.tags.map((t) => `#${t}`).join(' '),
      note.internal,
      note.text,
      note.createdAt,
      link,
    ]);
    for (const reply of note.replies) {
      rows.push([
        ...place,
        'reply',
        reply.author,
        status,
        '',
        note.internal,
        reply.text,
        reply.createdAt,
        link,
      ]);
    }
  }
  return `\ufeff${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
