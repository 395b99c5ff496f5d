import { isMediaFile, refusalOf, sortOutMedia } from './media-files';

describe('which files the picker and a drop accept', () => {
  it('video, audio and stills by their type', () => {
    for (const type of [
      'video/mp4',
      'video/quicktime',
      'audio/wav',
      'audio/mpeg',
      'image/png',
      'image/jpeg',
    ]) {
      expect(isMediaFile({ name: 'file', type })).toBe(true);
    }
  });

  it('media the browser does not type, by its extension', () => {
    for (const name of ['A001.MXF', 'take.r3d', 'mix.aiff', 'grade.exr', 'cut.mkv']) {
      expect(isMediaFile({ name, type: '' })).toBe(true);
    }
    expect(isMediaFile({ name: 'master.mxf', type: 'application/mxf' })).toBe(true);
  });

  it('documents, projects and archives are refused, saying which file and why', () => {
    for (const name of ['notes.pdf', 'edit.fcpxml', 'script.docx', 'selects.zip', 'README']) {
      expect(isMediaFile({ name, type: name.endsWith('.pdf') ? 'application/pdf' : '' })).toBe(false);
    }
    expect(refusalOf({ name: 'notes.pdf', type: 'application/pdf' })).toBe(
      '“notes.pdf” was not uploaded: it is a PDF document, not video, audio or an image. Cutroom reviews video, audio and stills only.',
    );
    expect(refusalOf({ name: 'cue.sheet', type: '' })).toContain('it is a .sheet file');
  });

  it('a mixed drop keeps the media and names each file it leaves out', () => {
    const { media, refused } = sortOutMedia([
      { name: 'cut.mov', type: 'video/quicktime' },
      { name: 'notes.txt', type: 'text/plain' },
      { name: 'still.png', type: 'image/png' },
    ]);
    expect(media.map((file) => file.name)).toEqual(['cut.mov', 'still.png']);
    expect(refused.map(({ file }) => file.name)).toEqual(['notes.txt']);
    expect(refused[0].reason).toContain('a text file');
  });
});
