import {
  type ExportDocument,
  nominalOf,
  noteDuration,
  oneLine,
  pinnedNotes,
  timecodeFormat,
  usesDropFrame,
} from './model';
import { xmlText } from './xml';

/**
 * Final Cut Pro 7 XML (xmeml 5), which Premiere Pro imports: a sequence at the version's
 * timebase (`ntsc` for the 1000/1001 rates) and start timecode, one `<marker>` per note with
 * `in`/`out` in frames from the sequence start (`out` -1 for a single frame).
 */
export function toXmeml(document: ExportDocument): string {
  const { timeline } = document;
  const tc = timecodeFormat(timeline);
  const ntsc = timeline.fpsDen === 1001 ? 'TRUE' : 'FALSE';
  const rate = `<rate><timebase>${nominalOf(timeline)}</timebase><ntsc>${ntsc}</ntsc></rate>`;
  const notes = pinnedNotes(document);
  const duration = Math.max(1, timeline.frameCount, ...notes.map((n) => n.frame + noteDuration(n)));
  const size =
    timeline.width && timeline.height
      ? `<format><samplecharacteristics><width>${timeline.width}</width><height>${timeline.height}</height></samplecharacteristics></format>`
      : '';
  const markers = notes.map((note) => {
    const out = note.frameEnd === null ? -1 : note.frameEnd + 1;
    const comment = [
      note.author,
      ...note.replies.map((reply) => `${reply.author}: ${oneLine(reply.text)}`),
    ].join(' — ');
    return [
      '    <marker>',
      `      <name>${xmlText(oneLine(note.text))}</name>`,
      `      <comment>${xmlText(comment)}</comment>`,
      `      <in>${note.frame}</in>`,
      `      <out>${out}</out>`,
      '    </marker>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE xmeml>',
    '<xmeml version="5">',
    '  <sequence id="sequence-1">',
    `    <name>${xmlText(`${document.cut} v${document.versionNumber} notes`)}</name>`,
    `    <duration>${duration}</duration>`,
    `    ${rate}`,
    '    <timecode>',
    `      ${rate}`,
    `      <string>${tc.format(0)}</string>`,
    `      <frame>${tc.startFrame}</frame>`,
    `      <displayformat>${usesDropFrame(timeline) ? 'DF' : 'NDF'}</displayformat>`,
    '    </timecode>',
    `    <media><video>${size}<track/></video></media>`,
    ...markers,
    '  </sequence>',
    '</xmeml>',
    '',
  ].join('\n');
}
