import PDFDocument from 'pdfkit';
import { type ExportDocument, type ExportNote, timecodeFormat, usesDropFrame } from '@cutroom/exports';

export interface PdfFonts {
  regular: string;
  bold: string;
}

const MARGIN = 40;
const STILL_WIDTH = 220;
const GAP = 16;
const GREY = '#555555';

/** Notes (or page numbers) set before the report gives the event loop a turn. */
const NOTES_PER_TURN = 10;

/** Break opportunities every this many characters of a run without spaces. */
const RUN_LIMIT = 40;
const LONG_RUN = new RegExp(`[^\\s\u200b]{${RUN_LIMIT}}(?=[^\\s\u200b])`, 'gu');

/**
 * Text people typed, ready for pdfkit: its line breaking fits a run without spaces by measuring it
 * a character at a time, so one 10,000-character "word" held the server for half a minute. A
 * zero-width space every 40 characters of such a run lets it wrap there and prints nothing.
 */
export function wrappable(text: string): string {
  return text.replace(LONG_RUN, '$&\u200b');
}

function rateWords(document: ExportDocument): string {
  const { fpsNum, fpsDen } = document.timeline;
  const fps = Math.round((fpsNum / fpsDen) * 1000) / 1000;
  return `${fps} fps${usesDropFrame(document.timeline) ? ' drop-frame' : ''}`;
}

function noteHeading(note: ExportNote, format: (frame: number) => string): string {
  if (note.frame === null) return 'General note';
  const at = `${format(note.frame)}  (frame ${note.frame})`;
  return note.frameEnd === null ? at : `${at} – ${format(note.frameEnd)}  (frame ${note.frameEnd})`;
}

function noteFacts(note: ExportNote): string {
  return [
    wrappable(note.author),
    note.resolved ? 'resolved' : 'open',
    ...(note.internal ? ['internal'] : []),
    ...note.tags.map((tag) => wrappable(`#${tag}`)),
  ].join(' · ');
}

/**
 * A report a producer can send: project, cut, version, date and approval state, then each note
 * with its still (drawing burned in), timecode, author and thread; page numbers at the foot.
 * Text is set in embedded DejaVu fonts, so any script they cover prints as typed.
 */
export async function renderPdfReport(
  document: ExportDocument,
  stills: ReadonlyMap<string, Buffer>,
  fonts: PdfFonts,
): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `${document.project} – ${document.cut} – v${document.versionNumber} – notes`,
      Creator: 'Cutroom',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', fonts.regular);
  pdf.registerFont('bold', fonts.bold);
  const tc = timecodeFormat(document.timeline);
  const format = (frame: number) => tc.format(frame);
  const pageWidth = pdf.page.width - 2 * MARGIN;

  pdf
    .font('bold')
    .fontSize(18)
    .text(wrappable(`${document.cut} — version ${document.versionNumber}`));
  pdf.moveDown(0.3);
  pdf.font('regular').fontSize(10).fillColor(GREY);
  pdf.text(wrappable(`Project: ${document.project}`));
  pdf.text(`Exported: ${document.exportedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`);
  pdf.text(`Approval: ${document.approval ?? 'none yet'}`);
  pdf.text(
    `Timecode: ${rateWords(document)}, starting ${format(0)} · ${document.notes.length} note${document.notes.length === 1 ? '' : 's'}`,
  );
  pdf.fillColor('black').moveDown(1);

  const textX = MARGIN + STILL_WIDTH + GAP;
  for (const [index, note] of document.notes.entries()) {
    // Laying out is synchronous: let the server answer others between a few notes, not after all.
    if (index > 0 && index % NOTES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const still = stills.get(note.id);
    const textWidth = still ? pageWidth - STILL_WIDTH - GAP : pageWidth;
    const x = still ? textX : MARGIN;
    const stillHeight = still
      ? (STILL_WIDTH * (document.timeline.height ?? 9)) / (document.timeline.width ?? 16)
      : 0;
    const thread = wrappable(
      [note.text, ...note.replies.map((reply) => `${reply.author}: ${reply.text}`)].join('\n'),
    );
    pdf.font('regular').fontSize(10);
    const textHeight = 30 + pdf.heightOfString(thread, { width: textWidth });
    const blockHeight = Math.max(stillHeight, textHeight);
    if (pdf.y + Math.min(blockHeight, 300) > pdf.page.height - MARGIN - 20) pdf.addPage();
    const top = pdf.y;
    if (still) pdf.image(still, MARGIN, top, { width: STILL_WIDTH, height: stillHeight });
    pdf.font('bold').fontSize(11).text(noteHeading(note, format), x, top, { width: textWidth });
    pdf.font('regular').fontSize(9).fillColor(GREY).text(noteFacts(note), x, pdf.y, { width: textWidth });
    pdf
      .fillColor('black')
      .fontSize(10)
      .moveDown(0.3)
      .text(wrappable(note.text), x, pdf.y, { width: textWidth });
    for (const reply of note.replies) {
      pdf.moveDown(0.2);
      pdf
        .font('bold')
        .text(`${wrappable(reply.author)}: `, x + 12, pdf.y, { width: textWidth - 12, continued: true });
      pdf.font('regular').text(wrappable(reply.text));
    }
    pdf.x = MARGIN;
    pdf.y = Math.max(pdf.y, top + stillHeight) + GAP;
  }

  const pages = pdf.bufferedPageRange();
  for (let index = 0; index < pages.count; index += 1) {
    if (index > 0 && index % NOTES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    pdf.switchToPage(pages.start + index);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(`Page ${index + 1} of ${pages.count}`, MARGIN, pdf.page.height - 28, {
        width: pageWidth,
        align: 'right',
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
