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
import { framesSeen, liveBar, recordPlayer, startSession } from './support/live-session';
import { uploadAndOpen } from './support/review-page';

const FRAMES = 75;

test('a reload keeps your seat in a live session, a host who reloads takes the session’s frame instead of sending everyone to frame 0, and of one host’s tabs only one drives', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = await makeCodedClip(testInfo.outputPath('coded-rejoin.mov'), {
    frames: FRAMES,
    width: 640,
    height: 360,
  });
  const host = await newPerson(browser, 'Hana Host');
  const reviewer = await newPerson(browser, 'Rafa Reviewer');
  for (const person of [host, reviewer]) await signUp(person);
  const projectId = await createProject(host, `Live rejoin ${Date.now()}`);
  await addMember(host, projectId, reviewer, 'reviewer');
  await uploadAndOpen(host, projectId, clip, 'coded-rejoin');
  const cutUrl = host.page.url();

  await test.step('the host starts a session, the reviewer joins, and the host pauses on frame 40', async () => {
    await startSession(host);
    await reviewer.page.goto(cutUrl);
    await liveBar(reviewer.page).getByRole('button', { name: 'Join' }).click();
    await expect(liveBar(reviewer.page).getByRole('status')).toHaveText('Following');
    await goToFrame(host.page, 40, FRAMES);
    await expectOnFrame(reviewer.page, 40);
  });

  await test.step('the reviewer reloads: back in the session without pressing Join, on the host’s frame', async () => {
    await reviewer.page.reload();
    await expect(reviewer.page.getByTestId('player')).toBeVisible();
    await expect(liveBar(reviewer.page).getByRole('status')).toHaveText('Following');
    await expect(liveBar(reviewer.page).getByRole('button', { name: 'Join' })).toHaveCount(0);
    await expectOnFrame(reviewer.page, 40);
    await expect(liveBar(host.page).getByRole('list', { name: 'In the live session' })).toContainText(
      'Rafa Reviewer',
    );
  });

  await test.step('the host reloads while paused on frame 40: the reviewer’s picture never leaves it, and the host still drives', async () => {
    await recordPlayer(reviewer.page);
    await host.page.reload();
    await expect(host.page.getByTestId('player')).toBeVisible();
    await expect(liveBar(host.page).getByRole('status')).toHaveText('You are driving');
    await expectOnFrame(host.page, 40);
    await expectOnFrame(reviewer.page, 40);
    // Long enough for a drive from the host's fresh player to have reached the reviewer.
    await reviewer.page.waitForTimeout(1500);
    await expectOnFrame(reviewer.page, 40);
    expect(await framesSeen(reviewer.page)).toEqual([]);
    await host.page.keyboard.press('ArrowRight');
    await expectOnFrame(host.page, 41);
    await expectOnFrame(reviewer.page, 41);
  });

  await test.step('the host opens the cut in a second tab and joins there: it takes frame 41, and so does everyone', async () => {
    const second = await host.context.newPage();
    await second.goto(cutUrl);
    await expect(second.getByTestId('player')).toBeVisible();
    await recordPlayer(reviewer.page);
    await liveBar(second).getByRole('button', { name: 'Join' }).click();
    await expect(liveBar(second).getByRole('status')).toHaveText('You are driving');
    await expectOnFrame(second, 41);
    await reviewer.page.waitForTimeout(1500);
    await expectOnFrame(reviewer.page, 41);
    expect(await framesSeen(reviewer.page)).toEqual([]);

    // One tab drives: the first follows the second, its keys no longer move anyone.
    await expect(liveBar(host.page).getByRole('status')).toHaveText('Driving from your other tab');
    await host.page.keyboard.press('ArrowRight');
    await reviewer.page.waitForTimeout(500);
    await expectOnFrame(reviewer.page, 41);
    await second.keyboard.press('ArrowRight');
    for (const page of [reviewer.page, host.page]) await expectOnFrame(page, 42);

    // Drive here takes it back to the first tab, and closing the second leaves it driving.
    await liveBar(host.page).getByRole('button', { name: 'Drive here' }).click();
    await expect(liveBar(host.page).getByRole('status')).toHaveText('You are driving');
    await expect(liveBar(second).getByRole('status')).toHaveText('Driving from your other tab');
    await second.keyboard.press('ArrowRight');
    await reviewer.page.waitForTimeout(500);
    await expectOnFrame(reviewer.page, 42);
    await second.close();
    await host.page.keyboard.press('ArrowRight');
    for (const page of [reviewer.page, host.page]) await expectOnFrame(page, 43);
    await expect(liveBar(host.page).getByRole('status')).toHaveText('You are driving');
  });

  await test.step('after Leave, a reload does not put the reviewer back in', async () => {
    await liveBar(reviewer.page).getByRole('button', { name: 'Leave' }).click();
    await expect(liveBar(reviewer.page).getByRole('button', { name: 'Join' })).toBeVisible();
    await reviewer.page.reload();
    await expect(reviewer.page.getByTestId('player')).toBeVisible();
    await expect(liveBar(reviewer.page).getByRole('button', { name: 'Join' })).toBeVisible();
    await expect(liveBar(host.page).getByRole('list', { name: 'In the live session' })).not.toContainText(
      'Rafa Reviewer',
    );
  });

  for (const person of [host, reviewer]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});
