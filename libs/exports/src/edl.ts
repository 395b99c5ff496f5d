import {
  clip,
  type ExportDocument,
  noteDuration,
  pinnedNotes,
  threadLine,
  timecodeFormat,
  usesDropFrame,
} from './model';

/** CMX3600 numbers events with three digits. */
export const EDL_MAX_EVENTS = 999;
/** The longest comment line written: long notes are cut, with an ellipsis, to what editors read. */
export const EDL_MAX_COMMENT_LINE = 255;

export class ExportLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportLimitError';
  }
}

/** DaVinci Resolve's marker colours: open notes stand out, resolved ones are done. */
export function resolveColour(note: { resolved: boolean; internal: boolean }): string {
  if (note.resolved) return 'ResolveColorGreen';
  return note.internal ? 'ResolveColorPurple' : 'ResolveColorRed';
}

/** Marker text: one line, and no "|", which separates Resolve's fields. */
function markerText(text: string): string {
  return text.replace(/\|/g, '/');
}

/**
 * A CMX3600 marker EDL that DaVinci Resolve imports as timeline markers: one event per note at
 * its source timecode, followed by `|C:colour |M:note |D:frames`.
 */
export function toEdl(document: ExportDocument): string {
  const notes = pinnedNotes(document);
  if (notes.length > EDL_MAX_EVENTS) {
    throw new ExportLimitError(
      `An EDL holds at most ${EDL_MAX_EVENTS} events and this version has ${notes.length} notes on frames: export the open ones only (?status=open), or use FCPXML, Premiere XML or CSV.`,
    );
  }
  const tc = timecodeFormat(document.timeline);
  const title = clip(
    `${document.project} - ${document.cut} - v${document.versionNumber}`.replace(/\s+/g, ' '),
    70,
  );
  const lines = [
    `TITLE: ${title}`,
    `FCM: ${usesDropFrame(document.timeline) ? 'DROP FRAME' : 'NON-DROP FRAME'}`,
    '',
  ];
  notes.forEach((note, index) => {
    const inTc = tc.format(note.frame);
    const outTc = tc.format(note.frame + 1);
    const event = String(index + 1).padStart(3, '0');
    lines.push(`${event}  001      V     C        ${inTc} ${outTc} ${inTc} ${outTc}  `);
    const head = ` |C:${resolveColour(note)} |M:`;
    const tail = ` |D:${noteDuration(note)}`;
    const room = EDL_MAX_COMMENT_LINE - head.length - tail.length;
    lines.push(`${head}${clip(markerText(`${note.author}: ${threadLine(note)}`), room)}${tail}`);
    lines.push('');
  });
  return `${lines.join('\r\n')}\r\n`;
}
