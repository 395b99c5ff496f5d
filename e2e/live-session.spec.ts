import type { Page } from '@playwright/test';
import { clickTimelineAt, expectOnFrame, goToFrame, makeCodedClip } from './support/coded-clip';
import { drag, pictureOnScreen, pointOn } from './support/drawing';
import { frameOnPicture } from './support/picture';
import {
  addMember,
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
  type Person,
} from './support/fixtures';
import { NO_AUDIO_WAVEFORM } from './support/media';
import { joinFrom, liveBar, startSession } from './support/live-session';
import { createProjectLink, enterAsGuest, uploadAndOpen, uploadNewVersion } from './support/review-page';

const FRAMES = 75;

/** Joins, and the Join button being gone, focus stays in the bar rather than falling to the page. */
async function joinKeepingFocus(person: Person, cutUrl: string, hostName: string) {
  await joinFrom(person, cutUrl, hostName);
  await expect(liveBar(person.page)).toBeFocused();
}

test('a host drives a live session: followers see the host’s exact frame, and a late joiner lands on it', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = await makeCodedClip(testInfo.outputPath('coded-live.mov'), {
    frames: FRAMES,
    width: 640,
    height: 360,
  });
  const host = await newPerson(browser, 'Hana Host');
  const reviewer = await newPerson(browser, 'Rafa Reviewer');
  const late = await newPerson(browser, 'Lou Latecomer');
  for (const person of [host, reviewer, late]) await signUp(person);
  const projectId = await createProject(host, `Live ${Date.now()}`);
  await addMember(host, projectId, reviewer, 'reviewer');
  await addMember(host, projectId, late, 'viewer');
  await uploadAndOpen(host, projectId, clip, 'coded-live');
  const cutUrl = host.page.url();

  await test.step('the host starts a live session and a reviewer joins it', async () => {
    await reviewer.page.goto(cutUrl);
    await expect(liveBar(reviewer.page).getByRole('button', { name: 'Start live session' })).toBeVisible();
    await startSession(host);
    await joinKeepingFocus(reviewer, cutUrl, 'Hana Host');
    await expect(liveBar(host.page).getByRole('list', { name: 'In the live session' })).toContainText(
      'Rafa Reviewer',
    );
  });

  await test.step('after every seek and step of the host, the follower’s picture shows the host’s frame', async () => {
    await goToFrame(host.page, 40, FRAMES);
    await expectOnFrame(reviewer.page, 40);
    await host.page.keyboard.press('ArrowRight');
    await expectOnFrame(host.page, 41);
    await expectOnFrame(reviewer.page, 41);
    await host.page.keyboard.press('ArrowLeft');
    await host.page.keyboard.press('ArrowLeft');
    await expectOnFrame(host.page, 39);
    await expectOnFrame(reviewer.page, 39);
    await host.page.keyboard.press('End');
    await expectOnFrame(host.page, FRAMES - 1);
    await expectOnFrame(reviewer.page, FRAMES - 1);
    await host.page.keyboard.press('Home');
    await expectOnFrame(host.page, 0);
    await expectOnFrame(reviewer.page, 0);
  });

  let pausedAt = 0;
  await test.step('the host plays and pauses: the follower plays along and stops on the host’s frame', async () => {
    await goToFrame(host.page, 5, FRAMES);
    await expectOnFrame(reviewer.page, 5);
    await host.page.keyboard.press('k');
    await expect(reviewer.page.getByTestId('player')).toHaveAttribute('data-playing', 'true');
    await host.page.waitForTimeout(1000);
    await host.page.keyboard.press('k');
    await expect(host.page.getByTestId('player')).toHaveAttribute('data-playing', 'false');
    pausedAt = Number(await host.page.getByTestId('player').getAttribute('data-frame'));
    expect(pausedAt).toBeGreaterThan(5);
    await expectOnFrame(host.page, pausedAt);
    await expectOnFrame(reviewer.page, pausedAt);
  });

  await test.step('someone joining late through the session link lands on the host’s paused frame', async () => {
    await late.page.goto(`${cutUrl}&live=1`);
    await expect(liveBar(late.page).getByRole('status')).toHaveText('Following');
    await expectOnFrame(late.page, pausedAt);
  });

  await test.step('a follower’s note lands on the shared frame, and everyone sees its marker there', async () => {
    await reviewer.page.getByRole('combobox', { name: 'Comment', exact: true }).fill('Stop — there, hold it');
    await reviewer.page.getByRole('button', { name: 'Comment', exact: true }).click();
    for (const person of [host, reviewer, late])
      await expect(person.page.getByTestId('comment-marker')).toHaveAttribute('data-frame', String(pausedAt));
    // Following, a note's timecode does not move the follower's picture: the host's would pull it back.
    const goToNote = reviewer.page.getByTestId('comment-where');
    await expect(goToNote).toBeDisabled();
    await expect(goToNote).toHaveAttribute('title', /host moves the picture while you follow/);
  });

  await test.step('the host hands the reviewer the pen: their laser pointer and drawing show on everyone’s picture', async () => {
    const hostBar = liveBar(host.page);
    // The latecomer is a project viewer: they write no notes, so they are not offered the pen.
    await expect(hostBar.getByRole('button', { name: 'Make Lou Latecomer an annotator' })).toHaveCount(0);
    await hostBar.getByRole('button', { name: 'Make Rafa Reviewer an annotator' }).click();
    await expect(
      hostBar
        .getByTestId('live-participant')
        .filter({ hasText: 'Rafa Reviewer' })
        .locator('.live-session-role'),
    ).toHaveText(['annotator']);
    const bar = liveBar(reviewer.page);
    await expect(bar.getByText('You can draw and point for everyone')).toBeVisible();
    const laserButton = bar.getByRole('button', { name: 'Laser pointer' });
    await laserButton.click();
    await expect(laserButton).toHaveAttribute('aria-pressed', 'true');

    const picture = await pictureOnScreen(reviewer.page);
    const from = pointOn(picture, 0.3, 0.4);
    const to = pointOn(picture, 0.6, 0.5);
    await reviewer.page.mouse.move(from.x, from.y);
    await reviewer.page.mouse.down();
    await reviewer.page.mouse.move(to.x, to.y, { steps: 10 });
    for (const person of [host, late]) {
      const dot = person.page.getByTestId('live-laser');
      await expect(dot).toHaveAttribute('data-look', 'shown');
      const expected = pointOn(await pictureOnScreen(person.page), 0.6, 0.5);
      // Where the reviewer holds it, on each one's own picture size (held still, it is sent again).
      await expect
        .poll(async () => {
          const box = await dot.boundingBox();
          return box
            ? Math.hypot(box.x + box.width / 2 - expected.x, box.y + box.height / 2 - expected.y)
            : null;
        })
        .toBeLessThan(3);
    }
    await reviewer.page.mouse.up();
    for (const person of [host, late]) await expect(person.page.getByTestId('live-laser')).toHaveCount(0);

    // The pointer off, the pen draws: the reviewer's rectangle shows on everyone's picture as it is made.
    await laserButton.click();
    const tools = reviewer.page.getByRole('toolbar', { name: 'Drawing tools' });
    await tools.getByRole('button', { name: 'Rectangle', exact: true }).click();
    await drag(reviewer.page, await pictureOnScreen(reviewer.page), [0.55, 0.2], [0.85, 0.5]);
    for (const person of [host, late])
      await expect(person.page.getByTestId('live-drawing').locator('[data-shape="rectangle"]')).toHaveCount(
        1,
      );
    await tools.getByRole('button', { name: 'Clear drawing' }).click();
    await tools.getByRole('button', { name: 'Rectangle', exact: true }).click();
    for (const person of [host, late])
      await expect(person.page.getByTestId('live-drawing').locator('[data-shape]')).toHaveCount(0);
  });

  await test.step('a follower breaks away to look around alone, and rejoins the host’s frame', async () => {
    const bar = liveBar(reviewer.page);
    await bar.getByRole('button', { name: 'Break away' }).click();
    await goToFrame(reviewer.page, 60, FRAMES);
    await goToFrame(host.page, 20, FRAMES);
    await expectOnFrame(late.page, 20);
    await expectOnFrame(reviewer.page, 60);
    // Alone, the note's timecode goes to its frame again.
    await reviewer.page.getByTestId('comment-where').click();
    await expectOnFrame(reviewer.page, pausedAt);
    await goToFrame(reviewer.page, 60, FRAMES);
    await bar.getByRole('button', { name: 'Rejoin' }).click();
    await expectOnFrame(reviewer.page, 20);
  });

  await test.step('the host’s loop in and out marks show on followers’ timelines as the host’s, and go when the host clears them', async () => {
    await goToFrame(host.page, 10, FRAMES);
    await host.page.keyboard.press('i');
    await goToFrame(host.page, 30, FRAMES);
    await host.page.keyboard.press('o');
    for (const follower of [reviewer, late]) {
      const loop = follower.page.getByTestId('loop-range');
      await expect(loop).toHaveAttribute('data-by', 'Hana Host');
      await expect(loop).toHaveAttribute('data-from', '10');
      await expect(loop).toHaveAttribute('data-to', '30');
      await expectOnFrame(follower.page, 30);
    }
    // Looking around alone, a follower has their own marks (none) back, and the host's again on rejoining.
    const bar = liveBar(reviewer.page);
    await bar.getByRole('button', { name: 'Break away' }).click();
    await expect(reviewer.page.getByTestId('loop-range')).toHaveCount(0);
    await bar.getByRole('button', { name: 'Rejoin' }).click();
    await expect(reviewer.page.getByTestId('loop-range')).toHaveAttribute('data-from', '10');
    await host.page.keyboard.press('Shift+X');
    for (const follower of [reviewer, late])
      await expect(follower.page.getByTestId('loop-range')).toHaveCount(0);
    await goToFrame(host.page, 20, FRAMES);
    for (const follower of [reviewer, late]) await expectOnFrame(follower.page, 20);
  });

  await test.step('the host switches to a new version: followers switch with it, on the same frame', async () => {
    const v2 = await makeCodedClip(testInfo.outputPath('coded-live-v2.mov'), {
      frames: FRAMES,
      width: 640,
      height: 360,
    });
    await (await uploadNewVersion(host.page, v2)).click();
    await expect(host.page).toHaveURL(/version=2/);
    await expectOnFrame(host.page, 20);
    for (const follower of [reviewer, late]) {
      await expect(follower.page).toHaveURL(/version=2/);
      await expectOnFrame(follower.page, 20);
    }
    await goToFrame(host.page, 33, FRAMES);
    await expectOnFrame(reviewer.page, 33);
    await expectOnFrame(late.page, 33);
  });

  await test.step('once everyone has left, the session’s log is in the cut’s details: who was there, and where notes were posted', async () => {
    for (const person of [late, reviewer, host]) {
      await liveBar(person.page).getByRole('button', { name: 'Leave' }).click();
      await expect(liveBar(person.page).getByRole('status')).toHaveCount(0);
    }
    await reviewer.page.getByRole('tab', { name: 'Details' }).click();
    const log = reviewer.page.getByRole('article', { name: 'Live session by Hana Host' });
    await expect(log).toContainText('Hana Host started the session');
    await expect(log).toContainText('Rafa Reviewer joined');
    await expect(log).toContainText('Lou Latecomer left');
    const noted = log.getByRole('list', { name: 'Notes posted during the session' }).getByRole('link');
    await expect(noted).toHaveCount(1);
    await expect(noted).toHaveText(new RegExp(`^v1 `));
    await noted.click();
    await expect(reviewer.page).toHaveURL(new RegExp(`version=1&frame=${pausedAt}`));
    await expectOnFrame(reviewer.page, pausedAt);
  });

  for (const person of [host, reviewer, late]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});

const PANE = { a: '[data-testid="compare-a"] video', b: '[data-testid="compare-b"] video' };

/** The compare view stands paused with A on `aFrame` and B on `bFrame`, and each picture shows its frame. */
async function expectCompareOn(page: Page, aFrame: number, bFrame: number) {
  const view = page.getByTestId('compare-view');
  await expect(view).toHaveAttribute('data-frame', String(aFrame));
  await expect(view).toHaveAttribute('data-playing', 'false');
  await expect(page.getByTestId('compare-b')).toHaveAttribute('data-frame', String(bFrame));
  await expect.poll(() => frameOnPicture(page, PANE.a), { message: `A on frame ${aFrame}` }).toBe(aFrame);
  await expect.poll(() => frameOnPicture(page, PANE.b), { message: `B on frame ${bFrame}` }).toBe(bFrame);
}

/** Where the compare view's wipe divides the picture, as a share of its width from the left. */
async function wipeShare(page: Page): Promise<number> {
  const stage = await page.getByTestId('compare-stage').boundingBox();
  const split = await page.getByTestId('wipe-split').boundingBox();
  if (!stage || !split) throw new Error('no wipe on screen');
  return (split.x + split.width / 2 - stage.x) / stage.width;
}

test('the host takes a live session into compare: followers (a guest too) see the same pair, layout, wipe and frames, and come back with the host', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = (name: string) =>
    makeCodedClip(testInfo.outputPath(name), { frames: FRAMES, width: 640, height: 360 });
  const host = await newPerson(browser, 'Hana Host');
  const reviewer = await newPerson(browser, 'Rafa Reviewer');
  const guest = await newPerson(browser, 'Gil Guest');
  for (const person of [host, reviewer]) await signUp(person);
  const projectId = await createProject(host, `Live compare ${Date.now()}`);
  await addMember(host, projectId, reviewer, 'reviewer');
  await uploadAndOpen(host, projectId, await clip('compare-live-v1.mov'), 'compare-live');
  const v2Tab = await uploadNewVersion(host.page, await clip('compare-live-v2.mov'));
  const cutUrl = host.page.url().replace(/\?.*$/, '');
  const linkPath = await createProjectLink(host, projectId, {
    permissions: ['view', 'comment'],
    label: 'For Gil',
  });

  await test.step('the host starts a session on v2; a reviewer and a guest join it', async () => {
    await v2Tab.click();
    await expect(host.page).toHaveURL(/version=2/);
    await startSession(host);
    await joinKeepingFocus(reviewer, `${cutUrl}?version=2`, 'Hana Host');
    await enterAsGuest(guest, linkPath);
    await joinKeepingFocus(guest, `${cutUrl}?version=2`, 'Hana Host');
  });

  const followers = [reviewer, guest];
  await test.step('the host opens compare and goes to a frame: followers follow into it, both pictures on the host’s frames', async () => {
    // Compare opens on the frame the host was on, for everyone.
    await goToFrame(host.page, 30, FRAMES);
    for (const follower of followers) await expectOnFrame(follower.page, 30);
    await host.page.locator('.review-title').getByRole('link', { name: 'Compare', exact: true }).click();
    // Standing on a frame, the address names A’s frame rather than the frame B opened on.
    await expect(host.page).toHaveURL(/\/compare\?a=[^&]+&b=[^&]+&frame=30$/);
    await expectCompareOn(host.page, 30, 30);
    for (const follower of followers) {
      // The same pair.
      await expect(follower.page).toHaveURL(/\/compare\?a=/);
      expect(new URL(follower.page.url()).searchParams.get('b')).toBe(
        new URL(host.page.url()).searchParams.get('b'),
      );
      await expect(liveBar(follower.page).getByRole('status')).toHaveText('Following · comparing versions');
      await expectCompareOn(follower.page, 30, 30);
    }
    await expectCompareOn(host.page, 30, 30);
    for (const follower of followers) await expectCompareOn(follower.page, 30, 30);
    await host.page.keyboard.press('ArrowRight');
    await expectCompareOn(host.page, 31, 31);
    for (const follower of followers) await expectCompareOn(follower.page, 31, 31);
    await host.page.keyboard.press('End');
    for (const follower of followers) await expectCompareOn(follower.page, FRAMES - 1, FRAMES - 1);
    await host.page.keyboard.press('Home');
    for (const follower of followers) await expectCompareOn(follower.page, 0, 0);
  });

  await test.step('the host’s layout and lining up are everyone’s: wiped, B five frames on', async () => {
    await host.page.getByRole('radio', { name: 'Wipe' }).click();
    await host.page.getByLabel('Line up').selectOption('offset');
    await host.page.getByLabel('B offset (frames)').fill('5');
    await clickTimelineAt(host.page, 20, FRAMES);
    await expectCompareOn(host.page, 20, 25);
    for (const follower of followers) {
      await expect(follower.page.getByTestId('compare-view')).toHaveAttribute('data-layout', 'wipe');
      await expectCompareOn(follower.page, 20, 25);
      // A follower's layout and lining up are the host's: they cannot change them.
      await expect(follower.page.getByRole('radio', { name: 'Side by side' })).toBeDisabled();
      await expect(follower.page.getByLabel('Line up')).toBeDisabled();
    }
  });

  await test.step('the host drags the wipe: everyone’s picture is divided where the host’s is', async () => {
    const stage = await host.page.getByTestId('compare-stage').boundingBox();
    if (!stage) throw new Error('the host’s stage is not on screen');
    await host.page.mouse.move(stage.x + stage.width * 0.5, stage.y + stage.height / 2);
    await host.page.mouse.down();
    await host.page.mouse.move(stage.x + stage.width * 0.3, stage.y + stage.height / 2, { steps: 8 });
    await host.page.mouse.move(stage.x + stage.width * 0.2, stage.y + stage.height / 2, { steps: 4 });
    await host.page.mouse.up();
    for (const { page } of [host, ...followers])
      await expect.poll(() => wipeShare(page), { timeout: 10_000 }).toBeCloseTo(0.2, 2);
    // A follower's drag moves nothing: the wipe stays where the host put it.
    const follower = followers[0].page;
    const theirs = await follower.getByTestId('compare-stage').boundingBox();
    if (!theirs) throw new Error('the follower’s stage is not on screen');
    await follower.mouse.move(theirs.x + theirs.width * 0.7, theirs.y + theirs.height / 2);
    await follower.mouse.down();
    await follower.mouse.move(theirs.x + theirs.width * 0.9, theirs.y + theirs.height / 2, { steps: 4 });
    await follower.mouse.up();
    expect(await wipeShare(follower)).toBeCloseTo(0.2, 2);
    expect(await wipeShare(host.page)).toBeCloseTo(0.2, 2);
  });

  await test.step('the host plays and pauses in compare: followers stop on the host’s frames', async () => {
    await host.page.keyboard.press('Home');
    for (const follower of followers) await expectCompareOn(follower.page, 0, 5);
    await host.page.keyboard.press('k');
    await expect(reviewer.page.getByTestId('compare-view')).toHaveAttribute('data-playing', 'true');
    await host.page.waitForTimeout(500);
    await host.page.keyboard.press('k');
    const view = host.page.getByTestId('compare-view');
    await expect(view).toHaveAttribute('data-playing', 'false');
    const pausedAt = Number(await view.getAttribute('data-frame'));
    // Stopped before B's last frame, so B has the picture five frames on.
    expect(pausedAt).toBeGreaterThan(0);
    expect(pausedAt).toBeLessThan(FRAMES - 5);
    await expectCompareOn(host.page, pausedAt, pausedAt + 5);
    for (const follower of followers) await expectCompareOn(follower.page, pausedAt, pausedAt + 5);
  });

  await test.step('someone joining late lands in compare on the host’s frames', async () => {
    await host.page.keyboard.press('Home');
    await expectCompareOn(host.page, 0, 5);
    await reviewer.page.goto(`${cutUrl}?version=2&live=1`);
    await expect(reviewer.page).toHaveURL(/\/compare\?a=/);
    await expectCompareOn(reviewer.page, 0, 5);
  });

  await test.step('a session link copied in compare opens straight into the session', async () => {
    await liveBar(reviewer.page).getByRole('button', { name: 'Leave' }).click();
    await expect(liveBar(reviewer.page).getByRole('button', { name: 'Join' })).toBeVisible();
    const link = new URL(host.page.url());
    link.searchParams.set('live', '1');
    await reviewer.page.goto(link.toString());
    await expect(liveBar(reviewer.page).getByRole('button', { name: 'Leave' })).toBeVisible();
    await expectCompareOn(reviewer.page, 0, 5);
  });

  await test.step('the host’s laser pointer shows in compare, on the side it points at', async () => {
    await host.page.getByRole('radio', { name: 'Side by side' }).click();
    const laserButton = liveBar(host.page).getByRole('button', { name: 'Laser pointer' });
    await laserButton.click();
    await expect(laserButton).toHaveAttribute('aria-pressed', 'true');
    const from = pointOn(await pictureOnScreen(host.page, PANE.b), 0.3, 0.4);
    const to = pointOn(await pictureOnScreen(host.page, PANE.b), 0.6, 0.5);
    await host.page.mouse.move(from.x, from.y);
    await host.page.mouse.down();
    await host.page.mouse.move(to.x, to.y, { steps: 10 });
    // The reviewer sees the team's signals (this guest's link does not show them).
    for (const follower of [reviewer]) {
      const dot = follower.page.getByTestId('compare-b').getByTestId('live-laser');
      await expect(dot).toHaveAttribute('data-look', 'shown');
      await expect(follower.page.getByTestId('compare-a').getByTestId('live-laser')).toHaveCount(0);
      const expected = pointOn(await pictureOnScreen(follower.page, PANE.b), 0.6, 0.5);
      await expect
        .poll(async () => {
          const box = await dot.boundingBox();
          return box
            ? Math.hypot(box.x + box.width / 2 - expected.x, box.y + box.height / 2 - expected.y)
            : null;
        })
        .toBeLessThan(3);
    }
    await host.page.mouse.up();
    await expect(reviewer.page.getByTestId('live-laser')).toHaveCount(0);
    await laserButton.click();
  });

  await test.step('the host leaves compare: followers are back on the review page with the host', async () => {
    await host.page.locator('.breadcrumb').getByRole('link').click();
    await expect(host.page).not.toHaveURL(/compare/);
    await expect(host.page.getByTestId('player')).toBeVisible();
    // Back on B (v2) on the frame B showed (A on 0, B five frames on), and everyone with the host.
    await expect(host.page).toHaveURL(/\?version=2&frame=5$/);
    await expectOnFrame(host.page, 5);
    for (const follower of followers) await expectOnFrame(follower.page, 5);
    await goToFrame(host.page, 12, FRAMES);
    for (const follower of followers) {
      await expect(follower.page).not.toHaveURL(/compare/);
      await expect(liveBar(follower.page).getByRole('status')).toHaveText('Following');
      await expectOnFrame(follower.page, 12);
    }
  });

  await test.step('the session’s log tells who was handed the pen and had it taken back', async () => {
    const hostBar = liveBar(host.page);
    await hostBar.getByRole('button', { name: 'Make Rafa Reviewer an annotator' }).click();
    await hostBar.getByRole('button', { name: 'Make Rafa Reviewer a viewer' }).click();
    await expect(hostBar.getByRole('button', { name: 'Make Rafa Reviewer an annotator' })).toBeVisible();
    for (const person of [guest, reviewer, host]) {
      await liveBar(person.page).getByRole('button', { name: 'Leave' }).click();
      await expect(liveBar(person.page).getByRole('status')).toHaveCount(0);
    }
    await host.page.getByRole('tab', { name: 'Details' }).click();
    const log = host.page.getByRole('article', { name: 'Live session by Hana Host' });
    await expect(log).toContainText('Rafa Reviewer was handed the pen');
    await expect(log).toContainText('Rafa Reviewer had the pen taken back');
  });

  for (const person of [host, reviewer, guest]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});
