import type { ExportDocument, ExportNote } from '@cutroom/exports';
import { renderPdfReport, wrappable } from './pdf-report.js';

const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

function note(index: number, text: string): ExportNote {
  return {
    id: `note-${index}`,
    frame: index,
    frameEnd: null,
    author: 'Cli'.repeat(30),
    text,
    resolved: false,
    internal: false,
    tags: [],
    createdAt: '2026-12-05T08:00:00.000Z',
    annotation: null,
    replies: [{ id: `reply-${index}`, author: 'Ann', text, createdAt: '2026-12-05T08:01:00.000Z' }],
  };
}

function documentOf(notes: ExportNote[]): ExportDocument {
  return {
    project: 'Spot',
    cut: 'Car',
    versionNumber: 1,
    exportedAt: '2026-12-05T08:00:00.000Z',
    approval: null,
    timeline: {
      fpsNum: 30000,
      fpsDen: 1001,
      frameCount: 2400,
      startTimecode: '00:00:59;28',
      dropFrame: true,
      width: 640,
      height: 360,
    },
    notes,
  };
}

describe('renderPdfReport', () => {
  it('lets the server answer others while a report of many notes is laid out', async () => {
    const notes = Array.from({ length: 600 }, (_, index) =>
      note(index, `Note ${index}: the logo flashes too early, move it two frames later please.`),
    );
    // Another piece of the server's work, queued again each time it runs: how often it got its turn
    // while the report was laid out (a count, whatever the machine's speed).
    let turns = 0;
    let rendering = true;
    const other = () => {
      turns += 1;
      if (rendering) setImmediate(other);
    };
    setImmediate(other);
    await renderPdfReport(documentOf(notes), new Map(), FONTS);
    rendering = false;
    // Laid out in one go, the others would wait for all of it (a handful of turns, at the file's
    // writes); laid out a few notes at a time, they run between every few notes.
    expect(turns).toBeGreaterThanOrEqual(50);
  }, 120_000);

  it('sets notes made of one very long word in moments, not by holding the server for minutes', async () => {
    // The longest note the api takes, without a space: pdfkit alone fits it a character at a time.
    const word = 'x'.repeat(10_000);
    const document = documentOf([note(0, word), note(1, word), note(2, `${word} 👍🏽`)]);
    const started = performance.now();
    const pdf = await renderPdfReport(document, new Map(), FONTS);
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('lets a long run wrap without changing what is printed', () => {
    const text = `${'a'.repeat(100)} short 🎬${'b'.repeat(39)}`;
    const wrapped = wrappable(text);
    expect(wrapped.replace(/\u200b/g, '')).toBe(text);
    expect(
      wrapped
        .split(' ')[0]
        .split('\u200b')
        .map((part) => part.length),
    ).toEqual([40, 40, 20]);
    expect(wrappable('word '.repeat(50))).toBe('word '.repeat(50));
  });
});
