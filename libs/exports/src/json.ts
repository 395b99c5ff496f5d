import { type ExportDocument, timecodeFormat, usesDropFrame } from './model';

/** The notes with their threads and drawings, timecodes beside frames, for pipelines. */
export function toJson(document: ExportDocument): string {
  const { timeline } = document;
  const tc = timecodeFormat(timeline);
  return `${JSON.stringify(
    {
      project: document.project,
      cut: document.cut,
      version: document.versionNumber,
      exportedAt: document.exportedAt,
      approval: document.approval,
      timeline: {
        fpsNum: timeline.fpsNum,
        fpsDen: timeline.fpsDen,
        frameCount: timeline.frameCount,
        startTimecode: tc.format(0),
        dropFrame: usesDropFrame(timeline),
        width: timeline.width,
        height: timeline.height,
      },
      notes: document.notes.map((note) => ({
        id: note.id,
        frame: note.frame,
        frameEnd: note.frameEnd,
        timecode: note.frame === null ? null : tc.format(note.frame),
        endTimecode: note.frameEnd === null ? null : tc.format(note.frameEnd),
        author: note.author,
        text: note.text,
        status: note.resolved ? 'resolved' : 'open',
        internal: note.internal,
        tags: note.tags,
        createdAt: note.createdAt,
        link: note.frame !== null && document.frameLink ? document.frameLink(note.frame) : null,
        drawing: note.annotation,
        replies: note.replies,
      })),
    },
    null,
    2,
  )}\n`;
}
