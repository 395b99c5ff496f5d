import type { Page } from '@playwright/test';
import { expectOnFrame, goToFrame, makeCodedClip } from './support/coded-clip';
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
import { inSession, joinFrom, liveBar, startSession } from './support/live-session';
import { createProjectLink, enterAsGuest, uploadAndOpen, uploadNewVersion } from './support/review-page';

const FRAMES = 75;

/** The marks beside someone's name in the bar: guest, host, annotator. */
const marksOf = (page: Page, name: string) => inSession(page, name).locator('.live-session-role');

/** A cut with two ready versions (v2 on screen), a reviewer, and a review link that lets its guest comment. */
async function cutWithTwoVersions(
  browser: Parameters<typeof newPerson>[0],
  outputPath: (name: string) => string,
) {
  const clip = (name: string) => makeCodedClip(outputPath(name), { frames: FRAMES, width: 640, height: 360 });
  const host = await newPerson(browser, 'Hana Host');
  const reviewer = await newPerson(browser, 'Rafa Reviewer');
  const guest = await newPerson(browser, 'Gil Guest');
  for (const person of [host, reviewer]) await signUp(person);
  const projectId = await createProject(host, `Live seats ${Date.now()}`);
  await addMember(host, projectId, reviewer, 'reviewer');
  await uploadAndOpen(host, projectId, await clip('seats-v1.mov'), 'seats');
  const v2Tab = await uploadNewVersion(host.page, await clip('seats-v2.mov'));
  await v2Tab.click();
  await expect(host.page).toHaveURL(/version=2/);
  const cutUrl = host.page.url().replace(/\?.*$/, '');
  const linkPath = await createProjectLink(host, projectId, {
    permissions: ['view', 'comment'],
    label: 'For Gil',
  });
  return { host, reviewer, guest, projectId, cutUrl, linkPath };
}

test('in a live session a guest is named cleanly, loses the pen with their link’s comment right, and is told when the session ends; a follower cannot pick a version and sees when the connection is lost', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const { host, reviewer, guest, projectId, cutUrl, linkPath } = await cutWithTwoVersions(browser, (name) =>
    testInfo.outputPath(name),
  );

  await test.step('the host starts a session on v2; a reviewer and a guest join it', async () => {
    await startSession(host);
    await joinFrom(reviewer, `${cutUrl}?version=2`, 'Hana Host');
    await enterAsGuest(guest, linkPath);
    await joinFrom(guest, `${cutUrl}?version=2`, 'Hana Host');
  });

  await test.step('the guest reads as their name, with “guest” and their role as marks apart, and their avatar has their initials', async () => {
    await expect(inSession(host.page, 'Gil Guest').locator('.live-session-name')).toHaveText('Gil Guest');
    await expect(marksOf(host.page, 'Gil Guest')).toHaveText(['guest']);
    await expect(marksOf(host.page, 'Hana Host')).toHaveText(['host']);
    await expect(marksOf(host.page, 'Rafa Reviewer')).toHaveCount(0);
    await liveBar(host.page).getByRole('button', { name: 'Make Gil Guest an annotator' }).click();
    await expect(marksOf(host.page, 'Gil Guest')).toHaveText(['guest', 'annotator']);
    await expect(liveBar(host.page).getByRole('list', { name: 'In the live session' })).not.toContainText(
      '(',
    );
    const avatar = host.page.getByTestId('presence-avatar').filter({ hasText: 'Gil Guest' });
    await expect(avatar.locator('[aria-hidden="true"]')).toHaveText('GG');
  });

  await test.step('the guest’s link loses its comment right: they are a viewer again, for them and for everyone', async () => {
    const guestBar = liveBar(guest.page);
    await expect(guestBar.getByText('You can draw and point for everyone')).toBeVisible();
    await expect(guestBar.getByRole('button', { name: 'Laser pointer' })).toBeVisible();
    const links = (await (await host.context.request.get(`/api/projects/${projectId}/links`)).json()) as {
      links: { id: string; label: string }[];
    };
    const forGil = links.links.find((link) => link.label === 'For Gil');
    const changed = await host.context.request.patch(`/api/projects/${projectId}/links/${forGil?.id}`, {
      data: { permissions: ['view'] },
    });
    expect(changed.status()).toBe(200);
    await expect(guestBar.getByText('You can draw and point for everyone')).toHaveCount(0);
    await expect(guestBar.getByRole('button', { name: 'Laser pointer' })).toHaveCount(0);
    await expect(marksOf(host.page, 'Gil Guest')).toHaveText(['guest']);
    await expect(marksOf(guest.page, 'Gil Guest')).toHaveText(['guest']);
  });

  await test.step('following, the reviewer cannot pick another version: the host chooses, until they break away', async () => {
    const versions = reviewer.page.getByRole('navigation', { name: 'Versions' });
    const v1 = versions.getByRole('link', { name: /v1/ });
    await expect(v1).toHaveAttribute('aria-disabled', 'true');
    await expect(v1).toHaveAttribute('title', /host chooses the version/);
    await v1.click({ force: true });
    await expect(reviewer.page).toHaveURL(/version=2/);
    const bar = liveBar(reviewer.page);
    await bar.getByRole('button', { name: 'Break away' }).click();
    await expect(v1).not.toHaveAttribute('aria-disabled', 'true');
    await bar.getByRole('button', { name: 'Rejoin' }).click();
    await expect(v1).toHaveAttribute('aria-disabled', 'true');
  });

  await test.step('the reviewer loses the connection: the bar says so, and says Following again once back', async () => {
    const status = liveBar(reviewer.page).getByRole('status');
    await reviewer.context.setOffline(true);
    await expect(status).toHaveText('Offline: reconnecting…');
    await reviewer.context.setOffline(false);
    await expect(status).toHaveText('Following', { timeout: 20_000 });
    await goToFrame(host.page, 30, FRAMES);
    await expectOnFrame(reviewer.page, 30);
  });

  await test.step('the members leave, the guest alone is left: they are told the session ended', async () => {
    for (const person of [reviewer, host]) {
      await liveBar(person.page).getByRole('button', { name: 'Leave' }).click();
      // Who left is not told their own leaving ended it.
      await expect(liveBar(person.page).getByRole('status')).toHaveCount(0);
    }
    await expect(liveBar(guest.page).getByRole('status')).toHaveText('The live session has ended');
    await expect(liveBar(guest.page).getByRole('button')).toHaveCount(0);
  });

  for (const person of [host, reviewer, guest]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM, /ERR_INTERNET_DISCONNECTED|WebSocket/]);
    await person.context.close();
  }
});

/** Where the compare view's wipe divides the picture, as a share of its width from the left. */
async function wipeShare(page: Page): Promise<number> {
  const stage = await page.getByTestId('compare-stage').boundingBox();
  const split = await page.getByTestId('wipe-split').boundingBox();
  if (!stage || !split) throw new Error('no wipe on screen');
  return (split.x + split.width / 2 - stage.x) / stage.width;
}

test('in compare, followers end on exactly the host’s wipe: held still mid-drag, and when the drag is cut short; their version pickers are the host’s', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const { host, reviewer, guest, cutUrl } = await cutWithTwoVersions(browser, (name) =>
    testInfo.outputPath(name),
  );
  await guest.context.close();

  await test.step('the host takes the session into compare, wiped; the reviewer follows', async () => {
    await startSession(host);
    await joinFrom(reviewer, `${cutUrl}?version=2`, 'Hana Host');
    await host.page.locator('.review-title').getByRole('link', { name: 'Compare', exact: true }).click();
    await host.page.getByRole('radio', { name: 'Wipe' }).click();
    await expect(reviewer.page.getByTestId('compare-view')).toHaveAttribute('data-layout', 'wipe');
  });

  await test.step('a follower’s version pickers are locked while following, with why', async () => {
    for (const name of ['Version A', 'Version B']) {
      await expect(reviewer.page.getByLabel(name)).toBeDisabled();
      await expect(
        reviewer.page.locator('.compare-field').filter({ has: reviewer.page.getByLabel(name) }),
      ).toHaveAttribute('title', /host chooses the version/);
    }
    const bar = liveBar(reviewer.page);
    await bar.getByRole('button', { name: 'Break away' }).click();
    await expect(reviewer.page.getByLabel('Version A')).toBeEnabled();
    await bar.getByRole('button', { name: 'Rejoin' }).click();
    await expect(reviewer.page.getByLabel('Version A')).toBeDisabled();
  });

  const stage = await host.page.getByTestId('compare-stage').boundingBox();
  if (!stage) throw new Error('the host’s stage is not on screen');
  const at = (share: number) => ({ x: stage.x + stage.width * share, y: stage.y + stage.height / 2 });

  await test.step('the host drags quickly and holds still without letting go: the follower’s wipe ends where the host holds it', async () => {
    await host.page.mouse.move(at(0.5).x, at(0.5).y);
    await host.page.mouse.down();
    // Quick moves, each within a tenth of a second of the one before: the last is held back by the throttle.
    for (const share of [0.4, 0.33, 0.27]) await host.page.mouse.move(at(share).x, at(share).y);
    expect(await wipeShare(host.page)).toBeCloseTo(0.27, 2);
    await expect.poll(() => wipeShare(reviewer.page), { timeout: 10_000 }).toBeCloseTo(0.27, 2);
    await host.page.mouse.up();
    await expect.poll(() => wipeShare(reviewer.page)).toBeCloseTo(0.27, 2);
  });

  await test.step('a drag whose pointer capture is lost ends there, for the host and the follower alike', async () => {
    await host.page.mouse.move(at(0.4).x, at(0.4).y);
    await host.page.mouse.down();
    await host.page.mouse.move(at(0.62).x, at(0.62).y, { steps: 4 });
    // The browser takes the pointer away (as on a system gesture): the drag is over where it was.
    await host.page.getByTestId('compare-stage').evaluate((element) => element.releasePointerCapture(1));
    await host.page.mouse.move(at(0.85).x, at(0.85).y, { steps: 4 });
    await host.page.mouse.up();
    expect(await wipeShare(host.page)).toBeCloseTo(0.62, 2);
    await expect.poll(() => wipeShare(reviewer.page), { timeout: 10_000 }).toBeCloseTo(0.62, 2);
    await host.page.waitForTimeout(500);
    expect(await wipeShare(reviewer.page)).toBeCloseTo(0.62, 2);
  });

  await test.step('the host reloads in compare: their page takes the session’s wipe, and the follower’s never moves', async () => {
    // Every place the follower's divider and layout take from now on, in order.
    await reviewer.page.evaluate(() => {
      const view = document.querySelector('[data-testid="compare-view"]');
      const divider = document.querySelector('[data-testid="wipe-split"]');
      if (!view || !divider) throw new Error('no wipe on the page');
      const seen: string[] = [];
      (window as unknown as { wipesSeen: string[] }).wipesSeen = seen;
      const note = () =>
        seen.push(`${view.getAttribute('data-layout')} ${(divider as HTMLElement).style.left}`);
      new MutationObserver(note).observe(view, { attributes: true, attributeFilter: ['data-layout'] });
      new MutationObserver(note).observe(divider, { attributes: true, attributeFilter: ['style'] });
    });
    await host.page.reload();
    await expect(host.page.getByTestId('compare-view')).toHaveAttribute('data-layout', 'wipe');
    await expect(liveBar(host.page).getByRole('status')).toHaveText('You are driving · comparing versions');
    await expect.poll(() => wipeShare(host.page)).toBeCloseTo(0.62, 2);
    // Long enough for a send from the host's fresh page to have reached the follower.
    await reviewer.page.waitForTimeout(1500);
    expect(await wipeShare(reviewer.page)).toBeCloseTo(0.62, 2);
    expect(
      await reviewer.page.evaluate(() => (window as unknown as { wipesSeen: string[] }).wipesSeen),
    ).toEqual([]);
  });

  for (const person of [host, reviewer]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});
