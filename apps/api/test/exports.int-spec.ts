import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { readFrameCodes } from '@cutroom/media';
import { EXPECTED_TIMECODES, postNotes } from './support/export-fixture.js';
import { frameCodedClip, testFfmpeg, uploadFile, waitForVersion } from './support/media-clips.js';
import { readPdf } from './support/pdf-text.js';
import { signUpTeam, type Team } from './support/team.js';
import { useTestServer } from './support/test-server.js';

jest.setTimeout(180_000);

/** Every format from a real upload: a 29.97 drop-frame clip whose tmcd track starts at 00:00:59;28. */
describe('exporting notes from a processed version (real ffmpeg)', () => {
  const server = useTestServer({ MEDIA_PRESET: 'ultrafast' });
  let team: Team;
  let versionId: string;
  let scratch: string;

  const download = (format: string, query = '') =>
    team.editor.caller.request('GET', `/api/versions/${versionId}/export/${format}${query}`);
  const bytes = async (format: string, query = '') => {
    const response = await fetch(`${server.api.baseUrl}/api/versions/${versionId}/export/${format}${query}`, {
      headers: { authorization: `Bearer ${team.editor.token}` },
    });
    expect(response.status).toBe(200);
    return { headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    team = await signUpTeam(server.api.baseUrl, 'Spring campaign');
    scratch = mkdtempSync(path.join(os.tmpdir(), 'cutroom-exports-'));
    const clip = await frameCodedClip(scratch, 'hero.mov', {
      fpsNum: 30000,
      fpsDen: 1001,
      frames: 160,
      width: 320,
      height: 180,
      startTimecode: '00:00:59:28',
      dropFrameTimecode: true,
    });
    await uploadFile(team.editor, clip, { projectId: team.projectId, assetName: 'Hero 30s' });
    const [row] = await server.db.query<{ id: string }>(`SELECT id FROM versions LIMIT 1`);
    versionId = row.id;
    const version = await waitForVersion(team.editor, versionId);
    expect(version.media).toMatchObject({ startTimecode: '00:00:59;28', dropFrame: true, fpsNum: 30000 });
    await postNotes(team.editor.caller, team.reviewer.caller, versionId);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('every marker format carries each note at its exact drop-frame timecode', async () => {
    const edl = (await download('edl')).body as string;
    expect(edl).toContain('FCM: DROP FRAME');
    const events = edl.split('\r\n').filter((line) => /^\d{3} /.test(line));
    expect(events.map((line) => line.split(/\s+/)[4])).toEqual(
      [0, 2, 50, 100, 120].map((frame) => EXPECTED_TIMECODES[frame]),
    );
    expect(edl).toContain(
      '|M:Eddie Editor: Logo flashes too early — Rita Reviewer: Agreed, move it two frames |D:1',
    );
    expect(edl).toMatch(/\|M:Eddie Editor: Circle the car \|D:31/);

    const avid = ((await download('avid')).body as string).trimEnd().split('\n');
    expect(avid.map((line) => line.split('\t')[1])).toEqual(
      [0, 2, 50, 100, 120].map((f) => EXPECTED_TIMECODES[f]),
    );

    const xmeml = (await download('xmeml')).body as string;
    expect(xmeml).toContain('<timebase>30</timebase><ntsc>TRUE</ntsc>');
    expect(xmeml).toContain('<string>00:00:59;28</string>');
    expect([...xmeml.matchAll(/<in>(\d+)<\/in>/g)].map((m) => Number(m[1]))).toEqual([0, 2, 50, 100, 120]);
    expect(xmeml).toContain('<in>120</in>\n      <out>151</out>');

    const fcpxml = (await download('fcpxml')).body as string;
    expect(fcpxml).toContain('frameDuration="1001/30000s"');
    expect(fcpxml).toContain('tcStart="899899/15000s" tcFormat="DF"');
    // Frame 2 is 1800 frames from midnight: 1800 · 1001/30000 s
    expect(fcpxml).toContain(
      '<marker start="3003/50s" duration="1001/30000s" value="Logo flashes too early" completed="0"',
    );
    expect(fcpxml).toMatch(/value="Warmer grade — цвет теплее #grade" completed="1"/);
    expect(fcpxml).toContain('duration="31031/30000s" value="Circle the car"');

    const csv = (await download('csv')).body as string;
    expect(csv).toMatch(/\r\n00:01:00;02,2,,,note,Eddie Editor,open,/);
    expect(csv).toMatch(/\r\n00:01:00;02,2,,,reply,Rita Reviewer,open,,false,"Agreed, move it two frames"/);
    expect(csv).toMatch(/\r\n00:01:04;00,120,00:01:05;00,150,note,/);
    expect(csv).toContain(`/assets/`);

    const json = (await download('json')).body;
    expect(json.timeline).toMatchObject({ startTimecode: '00:00:59;28', dropFrame: true });
    expect(json.notes.map((n: any) => [n.frame, n.timecode])).toEqual(
      [0, 2, 50, 100, 120].map((frame) => [frame, EXPECTED_TIMECODES[frame]]),
    );
    expect(json.notes[4].drawing.shapes[0].kind).toBe('rectangle');
  });

  it('names the file after project, cut and version, for any script', async () => {
    const reply = await download('edl');
    expect(reply.headers.get('content-disposition')).toBe(
      `attachment; filename="Spring campaign - Hero 30s - v1 - notes.edl"; filename*=UTF-8''Spring%20campaign%20-%20Hero%2030s%20-%20v1%20-%20notes.edl`,
    );
    expect(reply.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('?status=open leaves resolved threads out; ?internal=false leaves internal threads and their replies out', async () => {
    const open = (await download('json', '?status=open')).body;
    expect(open.notes.map((n: any) => n.frame)).toEqual([0, 2, 50, 120]);
    const shared = (await download('csv', '?internal=false')).body as string;
    expect(shared).not.toContain('Client will hate this');
    expect(shared).not.toContain('Keep it between us');
    expect((await download('csv')).body).toContain('Keep it between us');
    expect((await download('json', '?status=resolved')).status).toBe(400);
    expect((await download('docx')).status).toBe(400);
  });

  it('stills: each noted frame as PNG, named by timecode, showing its own frame', async () => {
    const { body, headers } = await bytes('stills');
    expect(headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(body));
    const names = Object.keys(files).sort();
    expect(names).toEqual([
      '001 00_00_59_28.png',
      '002 00_01_00_02.png',
      '003 00_01_01_20.png',
      '004 00_01_03_10.png',
      '005 00_01_04_00.png',
    ]);
    const dir = path.join(scratch, 'stills');
    mkdirSync(dir, { recursive: true });
    const frames = [0, 2, 50, 100, 120];
    const ffmpegPath = await testFfmpeg();
    for (const [index, name] of names.entries()) {
      const file = path.join(dir, `${index}.png`);
      writeFileSync(file, files[name]);
      const [code] = await readFrameCodes(file, { ffmpegPath });
      // The range's still carries its drawing, which hides part of the code: it is checked by pixels elsewhere.
      if (frames[index] !== 120) expect(code).toBe(frames[index]);
    }
  });

  it('pdf: the notes, their timecodes and threads, one embedded still per note, fonts embedded', async () => {
    const { body, headers } = await bytes('pdf');
    expect(headers.get('content-type')).toBe('application/pdf');
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = readPdf(body);
    const text = pdf.pages.join('\n');
    for (const frame of [0, 2, 50, 100, 120, 150]) expect(text).toContain(EXPECTED_TIMECODES[frame]);
    for (const words of [
      'Open on black',
      'Logo flashes too early',
      'Agreed, move it two frames',
      'цвет теплее',
      'Circle the car',
      'Hero 30s',
      'Spring campaign',
    ])
      expect(text).toContain(words);
    expect(text).toMatch(/Page 1 of \d/);
    expect(pdf.imageCount).toBe(5);
    expect(pdf.embeddedFonts.some((font) => font.includes('DejaVuSans'))).toBe(true);
  });
});
