import { contentDisposition, exportFileName, fileNamePart, stillFileName } from './file-name';

describe('export file names', () => {
  it('say project, cut and version, with the format extension', () => {
    expect(exportFileName({ project: 'Spring', cut: 'Hero 30s', versionNumber: 3 }, 'xmeml')).toBe(
      'Spring - Hero 30s - v3 - notes.xml',
    );
    expect(exportFileName({ project: 'Spring', cut: 'Hero', versionNumber: 1 }, 'stills')).toBe(
      'Spring - Hero - v1 - stills.zip',
    );
  });

  it('keep any script and drop separators and control characters', () => {
    expect(fileNamePart('Été / 夏 : "final"\n')).toBe('Été 夏 final');
    expect(fileNamePart('../..')).toBe('untitled');
    expect(fileNamePart('   ')).toBe('untitled');
  });

  it('name stills by the timecode they show', () => {
    expect(stillFileName('00:01:00;02', 1)).toBe('002 00_01_00_02.png');
  });
});

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition("Été - Hero's cut - v2 - notes.edl")).toBe(
      `attachment; filename="_t_ - Hero's cut - v2 - notes.edl"; filename*=UTF-8''%C3%89t%C3%A9%20-%20Hero%27s%20cut%20-%20v2%20-%20notes.edl`,
    );
  });
});
