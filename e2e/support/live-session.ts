import type { Page } from '@playwright/test';
import { expect, type Person } from './fixtures';

/** The live-session bar of the review page: Start, Join, the seat list and the status. */
export const liveBar = (page: Page) => page.getByRole('region', { name: 'Live session' });

/** Someone's row in the bar's list of who is in the session. */
export const inSession = (page: Page, name: string) =>
  liveBar(page)
    .getByRole('list', { name: 'In the live session' })
    .getByTestId('live-participant')
    .filter({ hasText: name });

/** The host starts a live session from the page they are on, and drives it. */
export async function startSession(host: Person): Promise<void> {
  await liveBar(host.page).getByRole('button', { name: 'Start live session' }).click();
  await expect(liveBar(host.page).getByRole('status')).toHaveText('You are driving');
}

/** Opens the cut the host has open, and joins its live session from the "Live session by …" strip. */
export async function joinFrom(person: Person, cutUrl: string, hostName: string): Promise<void> {
  await person.page.goto(cutUrl);
  await expect(person.page.getByTestId('player')).toBeVisible();
  const bar = liveBar(person.page);
  await expect(bar).toContainText(`Live session by ${hostName}`);
  await bar.getByRole('button', { name: 'Join' }).click();
  await expect(bar.getByRole('status')).toHaveText(/^Following/);
}

/**
 * From now on, every change of the frame and play state the page's player shows, in order, as
 * "frame playing" (read back by `playerChanges`). Watched by a MutationObserver on the whole page, so
 * no change between two display refreshes is missed, and a player replaced by another is seen too.
 */
export async function recordPlayer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { playerSeen: string[] }).playerSeen = seen;
    const stateNow = () => {
      const player = document.querySelector('[data-testid="player"]');
      return `${player?.getAttribute('data-frame')} ${player?.getAttribute('data-playing')}`;
    };
    let last = stateNow();
    new MutationObserver(() => {
      const now = stateNow();
      if (now !== last) seen.push(now);
      last = now;
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-frame', 'data-playing'],
    });
  });
}

/** What `recordPlayer` saw since it started. */
export const playerChanges = (page: Page) =>
  page.evaluate(() => (window as unknown as { playerSeen: string[] }).playerSeen);

/** The frames among `playerChanges`, each change of frame once. */
export async function framesSeen(page: Page): Promise<number[]> {
  const frames: number[] = [];
  for (const change of await playerChanges(page)) {
    const frame = Number(change.split(' ')[0]);
    if (frames.at(-1) !== frame) frames.push(frame);
  }
  return frames;
}
