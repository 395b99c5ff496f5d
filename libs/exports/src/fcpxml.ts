import {
  type ExportDocument,
  type ExportNote,
  noteDuration,
  oneLine,
  pinnedNotes,
  timecodeFormat,
  usesDropFrame,
} from './model';
import { framesToRationalTime } from './rational-time';
import { xmlText } from './xml';

function notePeople(note: ExportNote): string {
  const replies = note.replies.map((reply) => `${reply.author}: ${oneLine(reply.text)}`);
  return [`${note.author}${note.tags.length ? ` #${note.tags.join(' #')}` : ''}`, ...replies].join(' — ');
}

/**
 * FCPXML 1.10 for Final Cut Pro: a project whose sequence runs at the version's frame duration,
 * starting at its source timecode, holding a gap as long as the version with one to-do marker per
 * note (`completed="1"` once resolved). Times are exact rational seconds.
 */
export function toFcpxml(document: ExportDocument): string {
  const { timeline } = document;
  const { fpsNum, fpsDen } = timeline;
  const time = (frames: number) => framesToRationalTime(frames, fpsNum, fpsDen);
  const startFrame = timecodeFormat(timeline).startFrame;
  const length = Math.max(
    1,
    timeline.frameCount,
    ...pinnedNotes(document).map((n) => n.frame + noteDuration(n)),
  );
  const name = xmlText(`${document.cut} v${document.versionNumber} notes`);
  const size =
    timeline.width && timeline.height ? ` width="${timeline.width}" height="${timeline.height}"` : '';
  const markers = pinnedNotes(document).map(
    (note) =>
      `              <marker start="${time(startFrame + note.frame)}" duration="${time(noteDuration(note))}" value="${xmlText(oneLine(note.text))}" completed="${note.resolved ? 1 : 0}" note="${xmlText(notePeople(note))}"/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE fcpxml>',
    '<fcpxml version="1.10">',
    '  <resources>',
    `    <format id="r1" frameDuration="${time(1)}"${size}/>`,
    '  </resources>',
    '  <library>',
    `    <event name="${xmlText(document.project)}">`,
    `      <project name="${name}">`,
    `        <sequence format="r1" duration="${time(length)}" tcStart="${time(startFrame)}" tcFormat="${usesDropFrame(timeline) ? 'DF' : 'NDF'}">`,
    '          <spine>',
    `            <gap name="${name}" offset="${time(startFrame)}" start="${time(startFrame)}" duration="${time(length)}"${markers.length ? '>' : '/>'}`,
    ...(markers.length ? [...markers, '            </gap>'] : []),
    '          </spine>',
    '        </sequence>',
    '      </project>',
    '    </event>',
    '  </library>',
    '</fcpxml>',
    '',
  ].join('\n');
}
