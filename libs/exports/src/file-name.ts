import type { ExportFormat } from '@cutroom/contracts';

const EXTENSIONS: Record<ExportFormat, string> = {
  edl: 'edl',
  fcpxml: 'fcpxml',
  xmeml: 'xml',
  avid: 'txt',
  csv: 'csv',
  json: 'json',
  pdf: 'pdf',
  stills: 'zip',
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  edl: 'text/plain; charset=utf-8',
  fcpxml: 'application/xml; charset=utf-8',
  xmeml: 'application/xml; charset=utf-8',
  avid: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
  stills: 'application/zip',
};

/** A part of a file name: no path separators, control or reserved characters; any script kept. */
export function fileNamePart(text: string): string {
  const part = Array.from(
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
    .slice(0, 80)
    .join('')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return part || 'untitled';
}

/** "Project - Cut - v3 - notes.edl": says project, cut and version. */
export function exportFileName(
  names: { project: string; cut: string; versionNumber: number },
  format: ExportFormat,
): string {
  const suffix = format === 'stills' ? 'stills' : 'notes';
  return `${fileNamePart(names.project)} - ${fileNamePart(names.cut)} - v${names.versionNumber} - ${suffix}.${EXTENSIONS[format]}`;
}

/** A still's name in the zip: the timecode it shows ("01_00_00_02.png"; ";" kept out of names). */
export function stillFileName(timecode: string, index: number): string {
  return `${String(index + 1).padStart(3, '0')} ${timecode.replace(/[:;]/g, '_')}.png`;
}

/** `attachment` with an ASCII fallback and the exact name as RFC 5987 `filename*` (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
