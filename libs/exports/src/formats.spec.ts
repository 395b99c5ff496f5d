import { toAvidMarkers } from './avid';
import { csvField, toCsv } from './csv';
import { EDL_MAX_EVENTS, ExportLimitError, toEdl } from './edl';
import { toFcpxml } from './fcpxml';
import { toJson } from './json';
import type { ExportTimeline } from './model';
import { framesToRationalTime } from './rational-time';
import { DF_2997, dropFrameDocument, note } from './test-document';
import { toXmeml } from './xmeml';

const EXPECTED_DF = ['00:00:59;28', '00:01:00;02', '00:01:03;10', '00:01:04;00'];

describe('29.97 drop-frame from 00:00:59;28 (notes at 0, 2, 100 and 120–150)', () => {
  const document = dropFrameDocument();

  it('EDL: FCM DROP FRAME, one event per note at its timecode, ranges as durations', () => {
    const edl = toEdl(document);
    expect(edl).toContain('FCM: DROP FRAME\r\n');
    const events = edl.split('\r\n').filter((line) => /^\d{3} /.test(line));
    expect(events.map((line) => line.split(/\s+/).slice(4, 8))).toEqual([
      ['00:00:59;28', '00:00:59;29', '00:00:59;28', '00:00:59;29'],
      ['00:01:00;02', '00:01:00;03', '00:01:00;02', '00:01:00;03'],
      ['00:01:03;10', '00:01:03;11', '00:01:03;10', '00:01:03;11'],
      ['00:01:04;00', '00:01:04;01', '00:01:04;00', '00:01:04;01'],
    ]);
    const comments = edl.split('\r\n').filter((line) => line.startsWith(' |C:'));
    expect(comments[1]).toBe(
      ' |C:ResolveColorRed |M:Dana: Logo flashes, "too early" & <bright> — Eli: Agreed, move it |D:1',
    );
    expect(comments[2]).toMatch(/^ \|C:ResolveColorGreen /);
    expect(comments[3]).toMatch(/\|D:31$/);
  });

  it('Avid: user, timecode, track, colour, comment, duration — tab-separated', () => {
    const lines = toAvidMarkers(document).trimEnd().split('\n');
    expect(lines.map((line) => line.split('\t')[1])).toEqual(EXPECTED_DF);
    expect(lines[1].split('\t')).toEqual([
      'Dana',
      '00:01:00;02',
      'V1',
      'red',
      'Logo flashes, "too early" & <bright> — Eli: Agreed, move it',
      '1',
    ]);
    expect(lines[3].split('\t')[5]).toBe('31');
  });

  it('Premiere XML: ntsc timebase 30, DF start timecode, marker in/out in frames', () => {
    const xml = toXmeml(document);
    expect(xml).toContain('<rate><timebase>30</timebase><ntsc>TRUE</ntsc></rate>');
    expect(xml).toContain('<string>00:00:59;28</string>');
    expect(xml).toContain('<frame>1798</frame>');
    expect(xml).toContain('<displayformat>DF</displayformat>');
    const ins = [...xml.matchAll(/<in>(-?\d+)<\/in>\s*<out>(-?\d+)<\/out>/g)].map((m) => [+m[1], +m[2]]);
    expect(ins).toEqual([
      [0, -1],
      [2, -1],
      [100, -1],
      [120, 151],
    ]);
    expect(xml).toContain('<name>Logo flashes, &quot;too early&quot; &amp; &lt;bright&gt;</name>');
  });

  it('FCPXML: frameDuration, tcStart and tcFormat DF, markers at exact rational times', () => {
    const xml = toFcpxml(document);
    expect(xml).toContain('<fcpxml version="1.10">');
    expect(xml).toContain('frameDuration="1001/30000s"');
    // 1798 frames (00:00:59;28) of 1001/30000 s
    expect(xml).toContain('tcStart="899899/15000s" tcFormat="DF"');
    const markers = [...xml.matchAll(/<marker start="([^"]+)" duration="([^"]+)"[^>]*completed="(\d)"/g)];
    expect(markers.map((m) => [m[1], m[2], m[3]])).toEqual([
      [framesToRationalTime(1798, 30000, 1001), '1001/30000s', '0'],
      ['3003/50s', '1001/30000s', '0'],
      [framesToRationalTime(1898, 30000, 1001), '1001/30000s', '1'],
      [framesToRationalTime(1918, 30000, 1001), '31031/30000s', '0'],
    ]);
  });

  it('CSV: a row per note and reply with timecode, frame and range end', () => {
    const rows = toCsv(document)
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe(
      'timecode,frame,end timecode,end frame,kind,author,status,tags,internal,text,created,link',
    );
    expect(rows[2]).toMatch(
      /^00:01:00;02,2,,,note,Dana,open,,false,"Logo flashes, ""too early"" & <bright>",/,
    );
    expect(rows[3]).toMatch(/^00:01:00;02,2,,,reply,Eli,open,,false,"Agreed,\nmove it"/);
    expect(rows[5]).toMatch(/^00:01:04;00,120,00:01:05;00,150,note,/);
    expect(rows[2]).toMatch(/https:\/\/cutroom\.example\/assets\/x\?version=3&frame=2$/);
  });

  it('JSON: timecodes beside frames, drawings and replies', () => {
    const json = JSON.parse(toJson(document));
    expect(json.timeline).toMatchObject({ startTimecode: '00:00:59;28', dropFrame: true, fpsNum: 30000 });
    expect(json.notes.map((n: { timecode: string }) => n.timecode)).toEqual(EXPECTED_DF);
    expect(json.notes[3]).toMatchObject({ frameEnd: 150, endTimecode: '00:01:05;00' });
    expect(json.notes[1].replies[0]).toMatchObject({ author: 'Eli' });
  });
});

describe('other rates', () => {
  const at = (timeline: Partial<ExportTimeline>) => dropFrameDocument({ ...DF_2997, ...timeline });

  it('23.976 from 01:00:00:00 is non-drop with a 24 timebase and 1001/24000s frames', () => {
    const document = at({ fpsNum: 24000, fpsDen: 1001, startTimecode: '01:00:00:00', dropFrame: false });
    expect(toEdl(document)).toContain('FCM: NON-DROP FRAME');
    expect(toAvidMarkers(document).split('\n')[2].split('\t')[1]).toBe('01:00:04:04');
    expect(toXmeml(document)).toContain('<timebase>24</timebase><ntsc>TRUE</ntsc>');
    const fcpxml = toFcpxml(document);
    expect(fcpxml).toContain('frameDuration="1001/24000s"');
    expect(fcpxml).toContain(`tcStart="${framesToRationalTime(86400, 24000, 1001)}" tcFormat="NDF"`);
  });

  it('25 from 10:00:00:00: whole-second times, ntsc FALSE', () => {
    const document = at({ fpsNum: 25, fpsDen: 1, startTimecode: '10:00:00:00', dropFrame: false });
    expect(toAvidMarkers(document).split('\n')[2].split('\t')[1]).toBe('10:00:04:00');
    expect(toXmeml(document)).toContain('<timebase>25</timebase><ntsc>FALSE</ntsc>');
    const fcpxml = toFcpxml(document);
    expect(fcpxml).toContain('frameDuration="1/25s"');
    expect(fcpxml).toContain('tcStart="36000s"');
    expect(fcpxml).toContain('<marker start="36004s" duration="1/25s"');
  });

  it('59.94 DF skips four labels a minute, not at the tenth', () => {
    const document = at({ fpsNum: 60000, fpsDen: 1001, startTimecode: '00:09:59;58', dropFrame: true });
    const timecodes = toAvidMarkers(document)
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t')[1]);
    expect(timecodes[1]).toBe('00:10:00;00');
    expect(toEdl(document)).toContain('FCM: DROP FRAME');
    expect(toXmeml(document)).toContain('<timebase>60</timebase><ntsc>TRUE</ntsc>');
    const minute = at({ fpsNum: 60000, fpsDen: 1001, startTimecode: '00:00:59;58', dropFrame: true });
    expect(toAvidMarkers(minute).split('\n')[1].split('\t')[1]).toBe('00:01:00;04');
  });

  it('a version without a source timecode starts at 00:00:00:00', () => {
    const document = at({ startTimecode: null, dropFrame: false });
    expect(toAvidMarkers(document).split('\n')[1].split('\t')[1]).toBe('00:00:00:02');
  });
});

describe('limits and escaping', () => {
  it('an EDL past 999 events says what to do instead', () => {
    const document = dropFrameDocument();
    document.notes = Array.from({ length: EDL_MAX_EVENTS + 1 }, (_, i) => note(`n${i}`, i, 'x'));
    expect(() => toEdl(document)).toThrow(ExportLimitError);
    document.notes.pop();
    expect(toEdl(document)).toContain('\r\n999  001 ');
  });

  it('a long note is cut to the EDL line length; "|" cannot split its fields', () => {
    const document = dropFrameDocument();
    document.notes = [note('long', 5, `a|b ${'word '.repeat(200)}`)];
    const comment = toEdl(document)
      .split('\r\n')
      .find((line) => line.startsWith(' |C:'));
    expect(comment?.length).toBeLessThanOrEqual(255);
    expect(comment).toMatch(/\|M:Dana: a\/b word .*… \|D:1$/);
  });

  it('general notes (no frame) go to reports, not to markers', () => {
    const document = dropFrameDocument();
    document.notes.unshift(note('general', null, 'Overall: lovely'));
    expect(toEdl(document)).not.toContain('Overall');
    expect(toCsv(document)).toContain(',,,,note,Dana,open,,false,Overall: lovely');
  });

  it('CSV keeps spreadsheet formulas from running', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1 stop')).toBe("'-1 stop");
    expect(csvField(' =1+1')).toBe("' =1+1");
    expect(csvField('\u00a0@SUM(A1)')).toBe("'\u00a0@SUM(A1)");
    expect(csvField('\n=1+1')).toBe(`"'\n=1+1"`);
    expect(csvField('fine = good')).toBe('fine = good');
    expect(csvField(12)).toBe('12');
  });
});
