import type { ExportFormat } from '@cutroom/contracts';

export interface ExportChoice {
  /** Leave resolved threads out. */
  openOnly: boolean;
  /** Keep internal threads (members only; the server never gives them to guests). */
  includeInternal: boolean;
}

/** Where a format's file comes from: the export endpoint with the choices as its query. */
export function exportHref(versionId: string, format: ExportFormat, choice: ExportChoice): string {
  const query = new URLSearchParams();
  if (choice.openOnly) query.set('status', 'open');
  if (!choice.includeInternal) query.set('internal', 'false');
  const search = query.toString();
  return `/api/versions/${versionId}/export/${format}${search ? `?${search}` : ''}`;
}
