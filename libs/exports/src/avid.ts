import { type ExportDocument, noteDuration, oneLine, pinnedNotes, threadLine, timecodeFormat } from './model';

/** Media Composer's marker colours: open notes red, resolved green, internal ones magenta. */
export function avidColour(note: { resolved: boolean; internal: boolean }): string {
  if (note.resolved) return 'green';
  return note.internal ? 'magenta' : 'red';
}

/** A tab-separated field: tabs and line breaks would end it early. */
function field(text: string): string {
  return oneLine(text.replace(/\t/g, ' '));
}

/**
 * Avid Media Composer marker text (Markers window → Import Markers): per note
 * `user<TAB>timecode<TAB>track<TAB>colour<TAB>comment<TAB>duration in frames`.
 */
export function toAvidMarkers(document: ExportDocument): string {
  const tc = timecodeFormat(document.timeline);
  return pinnedNotes(document)
    .map((note) =>
      [
        field(note.author),
        tc.format(note.frame),
        'V1',
        avidColour(note),
        field(threadLine(note)),
        noteDuration(note),
      ].join('\t'),
    )
    .map((line) => `${line}\n`)
    .join('');
}
