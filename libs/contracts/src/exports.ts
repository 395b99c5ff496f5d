import { z } from 'zod';

/**
 * What notes can be exported as: markers for each editing system, reports, and stills.
 * `edl` DaVinci Resolve, `fcpxml` Final Cut Pro, `xmeml` Premiere Pro (Final Cut Pro 7 XML),
 * `avid` Media Composer marker text, `csv`/`json` for people and pipelines, `pdf` a report,
 * `stills` a zip of each noted frame with its drawing.
 */
export const exportFormats = ['edl', 'fcpxml', 'xmeml', 'avid', 'csv', 'json', 'pdf', 'stills'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** `?status=open` leaves resolved threads out; `?internal=false` leaves the team's internal threads out. */
export const exportQuerySchema = z.strictObject({
  status: z.enum(['open', 'all']).default('all'),
  internal: z.enum(['true', 'false']).default('true'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** What each format is called where people choose one. */
export const exportFormatLabels: Record<ExportFormat, string> = {
  edl: 'DaVinci Resolve markers (EDL)',
  fcpxml: 'Final Cut Pro markers (FCPXML)',
  xmeml: 'Premiere Pro markers (XML)',
  avid: 'Avid Media Composer markers (TXT)',
  csv: 'Spreadsheet (CSV)',
  json: 'JSON with drawings',
  pdf: 'PDF report with stills',
  stills: 'Annotated stills (ZIP of PNG)',
};
