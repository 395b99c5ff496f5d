/** What the picker offers: video, audio and still images (and containers browsers do not type). */
export const ACCEPTED_FILES = 'video/*,audio/*,image/*,.mxf,.mov,.mkv,.mts,.m2ts,.r3d,.braw,.wav,.aif,.aiff';

// Extensions of media files a browser may type as nothing or as "application/octet-stream".
const MEDIA_EXTENSIONS = new Set([
  'mp4',
  'm4v',
  'mov',
  'qt',
  'mkv',
  'webm',
  'avi',
  'mxf',
  'mts',
  'm2ts',
  'ts',
  'mpg',
  'mpeg',
  'wmv',
  'flv',
  '3gp',
  'ogv',
  'r3d',
  'braw',
  'dv',
  'y4m',
  'wav',
  'aif',
  'aiff',
  'mp3',
  'm4a',
  'aac',
  'flac',
  'ogg',
  'oga',
  'opus',
  'wma',
  'png',
  'jpg',
  'jpeg',
  'tif',
  'tiff',
  'gif',
  'bmp',
  'webp',
  'exr',
  'dpx',
  'tga',
  'heic',
  'avif',
]);

// What people most often drop by mistake, named the way they know them.
const KNOWN_OTHERS: Record<string, string> = {
  pdf: 'a PDF document',
  doc: 'a Word document',
  docx: 'a Word document',
  txt: 'a text file',
  zip: 'a zip archive',
  xml: 'an XML file',
  fcpxml: 'a Final Cut Pro project',
  prproj: 'a Premiere Pro project',
  drp: 'a DaVinci Resolve project',
  edl: 'an edit decision list',
  srt: 'a subtitle file',
  xlsx: 'a spreadsheet',
  csv: 'a spreadsheet',
};

export interface FileFacts {
  name: string;
  type: string;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Video, audio or an image, by its type or (when the browser gives none) by its extension. */
export function isMediaFile(file: FileFacts): boolean {
  if (/^(video|audio|image)\//i.test(file.type)) return true;
  return MEDIA_EXTENSIONS.has(extensionOf(file.name));
}

/** Why a file is not uploaded: which file, what it seems to be, what is accepted. */
export function refusalOf(file: FileFacts): string {
  const extension = extensionOf(file.name);
  const what = KNOWN_OTHERS[extension] ?? (extension ? `a .${extension} file` : 'not a media file');
  return `“${file.name}” was not uploaded: it is ${what}, not video, audio or an image. Cutroom reviews video, audio and stills only.`;
}

/** The files to upload, and a sentence for each one refused. */
export function sortOutMedia<F extends FileFacts>(
  files: readonly F[],
): { media: F[]; refused: { file: F; reason: string }[] } {
  const media: F[] = [];
  const refused: { file: F; reason: string }[] = [];
  for (const file of files) {
    if (isMediaFile(file)) media.push(file);
    else refused.push({ file, reason: refusalOf(file) });
  }
  return { media, refused };
}
