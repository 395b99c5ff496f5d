import { composeMail, escapeHtml, MAIL_ITEMS_MAX, type MailItem, positionOf } from './activity-mail.js';

const PUBLIC_URL = 'https://review.example.com';
const ASSET_ID = '0b8a3c1e-8f4e-4d0a-9a57-2b3c4d5e6f70';
const OTHER_ASSET_ID = '1c9b4d2f-9a5f-4e1b-8b68-3c4d5e6f7081';
const hd2398 = { fpsNum: 24000, fpsDen: 1001, dropFrame: false, startTimecode: '01:00:00:00' };
const vic = { address: 'vic@example.com', displayName: 'Vic Viewer' };

function item(overrides: Partial<MailItem> = {}): MailItem {
  return {
    kind: 'mention',
    actorName: 'Rita Reviewer',
    projectName: 'Feature',
    assetId: ASSET_ID,
    assetName: 'Opening titles',
    versionNumber: 2,
    frame: 48,
    timing: hd2398,
    decision: null,
    excerpt: 'Sky is too warm @Vic Viewer',
    ...overrides,
  };
}

describe('composeMail', () => {
  it('a mention names who, where in which version, what they wrote, and links to the version', () => {
    const mail = composeMail(vic, [item()], PUBLIC_URL);
    expect(mail.to).toEqual({ name: 'Vic Viewer', address: 'vic@example.com' });
    expect(mail.subject).toBe('Rita Reviewer mentioned you on Opening titles');
    expect(mail.text).toBe(
      [
        'Hi Vic Viewer,',
        '',
        'Rita Reviewer mentioned you on Opening titles (Feature, version 2 at 01:00:02:00, frame 48):',
        '  "Sky is too warm @Vic Viewer"',
        `  ${PUBLIC_URL}/assets/${ASSET_ID}?version=2`,
        '',
        '-- ',
        'You get this e-mail because you are a member of these projects on Cutroom. Each project lets you choose what it tells you.',
        `${PUBLIC_URL}/`,
        '',
      ].join('\n'),
    );
    expect(mail.html).toContain(`<a href="${PUBLIC_URL}/assets/${ASSET_ID}?version=2">Open in Cutroom</a>`);
  });

  it('tells a reply, a decision and a new version each in its own words', () => {
    expect(composeMail(vic, [item({ kind: 'reply', excerpt: 'Agreed.' })], PUBLIC_URL).subject).toBe(
      'Rita Reviewer replied on Opening titles',
    );
    const note = composeMail(vic, [item({ kind: 'comment', excerpt: 'Warmer here.' })], PUBLIC_URL);
    expect(note.subject).toBe('Rita Reviewer left a note on Opening titles');
    expect(note.text).toContain('(Feature, version 2 at 01:00:02:00, frame 48):\n  "Warmer here."');
    const approved = composeMail(
      vic,
      [item({ kind: 'decision', decision: 'approved', frame: null, excerpt: null })],
      PUBLIC_URL,
    );
    expect(approved.subject).toBe('Rita Reviewer approved Opening titles v2');
    expect(approved.text).toContain('Rita Reviewer approved Opening titles v2 (Feature):\n  https://');
    const changes = composeMail(
      vic,
      [item({ kind: 'decision', decision: 'changes_requested', frame: null, excerpt: 'Trim the opening.' })],
      PUBLIC_URL,
    );
    expect(changes.subject).toBe('Rita Reviewer requested changes on Opening titles v2');
    expect(changes.text).toContain('  "Trim the opening."');
    const version = composeMail(
      vic,
      [item({ kind: 'version', actorName: 'Edith Editor', frame: null, excerpt: 'cut-v2.mov' })],
      PUBLIC_URL,
    );
    expect(version.subject).toBe('Edith Editor uploaded version 2 of Opening titles');
    expect(version.text).toContain(
      'Edith Editor uploaded version 2 of Opening titles (Feature):\n  "cut-v2.mov"',
    );
  });

  it('a burst on one asset is one mail listing every item, oldest first', () => {
    const mail = composeMail(
      vic,
      [item({ excerpt: 'first' }), item({ kind: 'reply', actorName: 'Ed', excerpt: 'second' })],
      PUBLIC_URL,
    );
    expect(mail.subject).toBe('2 updates on Opening titles');
    expect(mail.text.indexOf('"first"')).toBeLessThan(mail.text.indexOf('"second"'));
    expect(mail.text).toContain('Ed replied on Opening titles');
  });

  it('says where a burst happened: one project, or several', () => {
    const otherAsset = item({ assetId: OTHER_ASSET_ID, assetName: 'Trailer' });
    expect(composeMail(vic, [item(), otherAsset], PUBLIC_URL).subject).toBe('2 updates in Feature');
    expect(composeMail(vic, [item(), { ...otherAsset, projectName: 'Short' }], PUBLIC_URL).subject).toBe(
      '2 updates in Cutroom',
    );
  });

  it('lists at most MAIL_ITEMS_MAX items and points to the feed for the rest', () => {
    const items = Array.from({ length: MAIL_ITEMS_MAX + 3 }, (_, i) => item({ excerpt: `note ${i}` }));
    const mail = composeMail(vic, items, PUBLIC_URL);
    expect(mail.subject).toBe(`${MAIL_ITEMS_MAX + 3} updates on Opening titles`);
    expect(mail.text).toContain(`"note ${MAIL_ITEMS_MAX - 1}"`);
    expect(mail.text).not.toContain(`"note ${MAIL_ITEMS_MAX}"`);
    expect(mail.text).toContain(`…and 3 more in Cutroom: ${PUBLIC_URL}/`);
  });

  it('nothing anyone typed can add a line to the subject or the text, or markup to the HTML', () => {
    const mail = composeMail(
      { address: 'vic@example.com', displayName: 'Vic\r\nBcc: everyone@example.com' },
      [
        item({
          actorName: '<script>alert(1)</script>\nRita',
          assetName: 'Cut\r\nSubject: free money',
          excerpt: 'line one\n\nline "two" & <b>three</b>',
        }),
      ],
      PUBLIC_URL,
    );
    expect(mail.subject).toBe('<script>alert(1)</script> Rita mentioned you on Cut Subject: free money');
    expect(mail.to.name).toBe('Vic Bcc: everyone@example.com');
    expect(mail.text).toContain('  "line one line "two" & <b>three</b>"\n');
    expect(mail.text.split('\n')).toHaveLength(10);
    expect(mail.html).not.toMatch(/<script|<b>/);
    expect(mail.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; Rita mentioned you');
    expect(mail.html).toContain('line &#34;two&#34; &#38; &#60;b&#62;three&#60;/b&#62;');
  });

  it('says "Someone" when the actor is not known, and leaves out what an item does not have', () => {
    const mail = composeMail(
      vic,
      [item({ actorName: null, versionNumber: null, frame: null, excerpt: null })],
      PUBLIC_URL,
    );
    expect(mail.subject).toBe('Someone mentioned you on Opening titles');
    expect(mail.text).toContain(
      `Someone mentioned you on Opening titles (Feature):\n  ${PUBLIC_URL}/assets/${ASSET_ID}\n`,
    );
  });

  it('refuses to compose a mail about nothing', () => {
    expect(() => composeMail(vic, [], PUBLIC_URL)).toThrow();
  });
});

describe('positionOf', () => {
  it('shows the frame as timecode from the source start, and its index', () => {
    expect(positionOf(0, hd2398)).toBe('01:00:00:00, frame 0');
    expect(positionOf(48, { ...hd2398, startTimecode: null })).toBe('00:00:02:00, frame 48');
  });

  it('uses drop-frame labels at 29.97 drop-frame', () => {
    const ntsc = { fpsNum: 30000, fpsDen: 1001, dropFrame: true, startTimecode: null };
    expect(positionOf(1800, ntsc)).toBe('00:01:00;02, frame 1800');
  });

  it('falls back to the frame index without a usable rate', () => {
    expect(positionOf(12, null)).toBe('frame 12');
    expect(positionOf(12, { fpsNum: null, fpsDen: null, dropFrame: false, startTimecode: null })).toBe(
      'frame 12',
    );
    expect(positionOf(12, { ...hd2398, startTimecode: 'not a timecode' })).toBe('frame 12');
  });
});

describe('escapeHtml', () => {
  it('escapes every character that could open markup or an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
  });
});
