import { exportHref } from './export-link';

describe('export links', () => {
  const id = '7d0b8a4e-1c1e-4f3a-9d55-0c4bbd3e1a21';

  it('ask for every thread by default', () => {
    expect(exportHref(id, 'edl', { openOnly: false, includeInternal: true })).toBe(
      `/api/versions/${id}/export/edl`,
    );
  });

  it('carry the open-only and no-internal choices', () => {
    expect(exportHref(id, 'pdf', { openOnly: true, includeInternal: false })).toBe(
      `/api/versions/${id}/export/pdf?status=open&internal=false`,
    );
  });
});
