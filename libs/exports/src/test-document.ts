import type { ExportDocument, ExportNote, ExportTimeline } from './model';

/** A note as the formatters see it; only where and what differ between tests. */
export function note(
  id: string,
  frame: number | null,
  text: string,
  extra: Partial<ExportNote> = {},
): ExportNote {
  return {
    id,
    frame,
    frameEnd: null,
    author: 'Dana',
    text,
    resolved: false,
    internal: false,
    tags: [],
    createdAt: `2026-12-04T10:00:0${id.length % 10}.000Z`,
    annotation: null,
    replies: [],
    ...extra,
  };
}

export const DF_2997: ExportTimeline = {
  fpsNum: 30000,
  fpsDen: 1001,
  frameCount: 300,
  startTimecode: '00:00:59;28',
  dropFrame: true,
  width: 1920,
  height: 1080,
};

/** The check: 29.97 DF from 00:00:59;28, notes at 0, 2, 100 and a range 120–150. */
export function dropFrameDocument(timeline: ExportTimeline = DF_2997): ExportDocument {
  return {
    project: 'Spring campaign',
    cut: 'Hero 30s',
    versionNumber: 3,
    exportedAt: '2026-12-04T12:00:00.000Z',
    approval: null,
    timeline,
    notes: [
      note('a', 0, 'Open on black'),
      note('b', 2, 'Logo flashes, "too early" & <bright>', {
        replies: [
          { id: 'b1', author: 'Eli', text: 'Agreed,\nmove it', createdAt: '2026-12-04T11:00:00.000Z' },
        ],
      }),
      note('c', 100, 'Warmer grade', { resolved: true, tags: ['grade'] }),
      note('d', 120, 'Circle the car', { frameEnd: 150 }),
    ],
    frameLink: (frame) => `https://cutroom.example/assets/x?version=3&frame=${frame}`,
  };
}
