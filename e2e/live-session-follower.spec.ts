import { clickTimelineAt, expectOnFrame, goToFrame, makeCodedClip } from './support/coded-clip';
import {
  addMember,
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
} from './support/fixtures';
import { NO_AUDIO_WAVEFORM } from './support/media';
import { liveBar, playerChanges, recordPlayer, startSession } from './support/live-session';
import { createProjectLink, enterAsGuest, uploadAndOpen, uploadNewVersion } from './support/review-page';

const FRAMES = 75;

test('a follower stays on the host’s frame: their transport keys and Compare are the host’s, a version switch or Compare never passes by frame 0, a second tab’s Leave shows in the first, a reload keeps them broken away, and a reload while the session ends says it ended', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = (name: string) =>
    makeCodedClip(testInfo.outputPath(name), { frames: FRAMES, width: 640, height: 360 });
  const host = await newPerson(browser, 'Hana Host');
  const reviewer = await newPerson(browser, 'Rafa Reviewer');
  const guest = await newPerson(browser, 'Gil Guest');
  for (const person of [host, reviewer]) await signUp(person);
  const projectId = await createProject(host, `Live follower ${Date.now()}`);
  await addMember(host, projectId, reviewer, 'reviewer');
  await uploadAndOpen(host, projectId, await clip('follow-v1.mov'), 'follow');
  const v2Tab = await uploadNewVersion(host.page, await clip('follow-v2.mov'));
  await v2Tab.click();
  await expect(host.page).toHaveURL(/version=2/);
  const cutUrl = host.page.url().replace(/\?.*$/, '');

  await test.step('the host starts a session on frame 30 of v2, and the reviewer joins', async () => {
    await goToFrame(host.page, 30, FRAMES);
    await startSession(host);
    await reviewer.page.goto(`${cutUrl}?version=2`);
    await liveBar(reviewer.page).getByRole('button', { name: 'Join' }).click();
    await expect(liveBar(reviewer.page).getByRole('status')).toHaveText('Following');
    await expectOnFrame(reviewer.page, 30);
  });

  await test.step('the reviewer follows in a second tab too, and leaves there: the first tab says so and offers Join', async () => {
    const second = await reviewer.context.newPage();
    await second.goto(`${cutUrl}?version=2`);
    await liveBar(second).getByRole('button', { name: 'Join' }).click();
    await expect(liveBar(second).getByRole('status')).toHaveText('Following');
    await liveBar(second).getByRole('button', { name: 'Leave' }).click();
    await expect(liveBar(host.page).getByTestId('live-participant')).toHaveCount(1);
    const first = liveBar(reviewer.page);
    await expect(first.getByRole('button', { name: 'Join' })).toBeVisible();
    await expect(first.getByRole('status')).toHaveCount(0);
    await second.close();
    // Out in every tab: a reload of the first does not take the seat again.
    await reviewer.page.reload();
    await expect(reviewer.page.getByTestId('player')).toBeVisible();
    await expect(first.getByRole('button', { name: 'Join' })).toBeVisible();
    await reviewer.page.waitForTimeout(1000);
    await expect(liveBar(host.page).getByTestId('live-participant')).toHaveCount(1);
    await first.getByRole('button', { name: 'Join' }).click();
    await expect(first.getByRole('status')).toHaveText('Following');
    await expectOnFrame(reviewer.page, 30);
  });

  await test.step('following, the reviewer’s L, J, →, Space and Home move nothing: not even for a moment', async () => {
    await recordPlayer(reviewer.page);
    await reviewer.page.locator('body').click({ position: { x: 5, y: 5 } });
    for (const key of ['l', 'l', 'ArrowRight', 'j', 'Space', 'Home', 'Shift+ArrowRight']) {
      await reviewer.page.keyboard.press(key);
      await reviewer.page.waitForTimeout(150);
    }
    await reviewer.page.waitForTimeout(500);
    expect(await playerChanges(reviewer.page)).toEqual([]);
    await expectOnFrame(reviewer.page, 30);
    await expectOnFrame(host.page, 30);
  });

  await test.step('following, the reviewer’s play and step buttons are the host’s, and a click on the picture or the timeline moves nothing', async () => {
    for (const name of ['Play', 'Previous frame', 'Next frame']) {
      const button = reviewer.page.getByRole('button', { name, exact: true });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAttribute('title', /host moves the picture/);
    }
    await expect(
      reviewer.page.getByTitle(/host moves the picture/).and(reviewer.page.locator('select')),
    ).toBeDisabled();
    await recordPlayer(reviewer.page);
    await reviewer.page.locator('.player-video').click();
    await clickTimelineAt(reviewer.page, 60, FRAMES);
    await reviewer.page.waitForTimeout(500);
    expect(await playerChanges(reviewer.page)).toEqual([]);
    await expectOnFrame(reviewer.page, 30);
  });

  await test.step('the host switches to v1 on frame 30: the reviewer goes straight to frame 30 of v1, never by frame 0', async () => {
    await recordPlayer(reviewer.page);
    await host.page.getByRole('navigation', { name: 'Versions' }).getByRole('link', { name: /v1/ }).click();
    await expect(reviewer.page).toHaveURL(/version=1/);
    await expectOnFrame(reviewer.page, 30);
    await reviewer.page.waitForTimeout(500);
    expect(await playerChanges(reviewer.page)).not.toContainEqual(expect.stringMatching(/^0 /));
    await host.page.getByRole('navigation', { name: 'Versions' }).getByRole('link', { name: /v2/ }).click();
    await expect(reviewer.page).toHaveURL(/version=2/);
    await expectOnFrame(reviewer.page, 30);
  });

  await test.step('the host opens Compare on frame 30: the reviewer’s A opens straight on frame 30, never by frame 0, and comes back with the host', async () => {
    await reviewer.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { aSeen: string[] }).aSeen = seen;
      const look = () => {
        const frame = document.querySelector('[data-testid="compare-a"]')?.getAttribute('data-frame');
        if (frame && seen.at(-1) !== frame) seen.push(frame);
        requestAnimationFrame(look);
      };
      look();
    });
    await host.page.locator('.review-title').getByRole('link', { name: 'Compare', exact: true }).click();
    await expect(reviewer.page.getByTestId('compare-a')).toHaveAttribute('data-frame', '30');
    await reviewer.page.waitForTimeout(500);
    // Never frame 0, where the host's compare starts before it has read the map. (A player opened
    // on a frame can show the first picture loaded for a moment before its start seek lands: that
    // is the page opening, not the host driving.)
    const aSeen = await reviewer.page.evaluate(() => (window as unknown as { aSeen: string[] }).aSeen);
    expect(aSeen).not.toContain('0');
    expect(aSeen.at(-1)).toBe('30');
    await host.page.locator('.breadcrumb a').first().click();
    await expect(reviewer.page).not.toHaveURL(/compare/);
    await expectOnFrame(reviewer.page, 30);
  });

  await test.step('following, the reviewer’s Compare is locked, with why; broken away it opens compare', async () => {
    const compare = reviewer.page
      .locator('.review-title')
      .getByRole('link', { name: 'Compare', exact: true });
    await expect(compare).toHaveAttribute('aria-disabled', 'true');
    await expect(compare).toHaveAttribute('title', /host chooses what everyone sees/);
    await compare.click({ force: true });
    await reviewer.page.waitForTimeout(300);
    await expect(reviewer.page).not.toHaveURL(/compare/);
    await liveBar(reviewer.page).getByRole('button', { name: 'Break away' }).click();
    await expect(compare).not.toHaveAttribute('aria-disabled', 'true');
  });

  await test.step('broken away, the keys are the reviewer’s own again', async () => {
    await expect(reviewer.page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
    await reviewer.page.keyboard.press('ArrowRight');
    await expectOnFrame(reviewer.page, 31);
    await expectOnFrame(host.page, 30);
  });

  await test.step('broken away, the reviewer reloads: they are still looking around alone, until they rejoin', async () => {
    await reviewer.page.reload();
    const bar = liveBar(reviewer.page);
    await expect(bar.getByRole('status')).toHaveText('Looking around alone');
    await goToFrame(host.page, 40, FRAMES);
    await reviewer.page.waitForTimeout(1000);
    await expect(reviewer.page.getByTestId('player')).not.toHaveAttribute('data-frame', '40');
    await bar.getByRole('button', { name: 'Rejoin' }).click();
    await expect(bar.getByRole('status')).toHaveText('Following');
    await expectOnFrame(reviewer.page, 40);
  });

  await test.step('a guest away from the page (a reload) while the session ends is told it ended when back', async () => {
    await enterAsGuest(
      guest,
      await createProjectLink(host, projectId, { permissions: ['view'], label: 'For Gil' }),
    );
    await guest.page.goto(`${cutUrl}?version=2`);
    await liveBar(guest.page).getByRole('button', { name: 'Join' }).click();
    await expect(liveBar(guest.page).getByRole('status')).toHaveText('Following');
    // Away as during a reload: the tab keeps its seat, and the page runs no leaving.
    await guest.page.goto('about:blank');
    for (const person of [reviewer, host])
      await liveBar(person.page).getByRole('button', { name: 'Leave' }).click();
    await expect(liveBar(host.page).getByRole('button', { name: 'Start live session' })).toBeVisible();
    await guest.page.goBack();
    await expect(liveBar(guest.page).getByRole('status')).toHaveText('The live session has ended');
  });

  for (const person of [host, reviewer, guest]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});
