import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  addMember,
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
} from './support/fixtures';
import { makeTestClip, makeTruncatedClip, NO_AUDIO_WAVEFORM } from './support/media';
import { uploadAndOpen } from './support/review-page';

async function uploadWithPicker(page: Page, button: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

/** A local time `fromNowMs` from now, as a `datetime-local` input takes it. */
function localTime(fromNowMs: number): string {
  const at = new Date(Date.now() + fromNowMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

test('an editor’s rounds board shows who a cut waits on and moves it live when the reviewer decides', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const owner = await newPerson(browser, 'Olivia Owner');
  const editor = await newPerson(browser, 'Eddie Editor');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  for (const person of [owner, editor, reviewer]) await signUp(person);
  const projectId = await createProject(owner, `Rounds ${Date.now()}`);
  await addMember(owner, projectId, editor, 'editor');
  await addMember(owner, projectId, reviewer, 'reviewer');
  const me = await reviewer.context.request.get('/api/auth/me');
  const reviewerId = ((await me.json()) as { user: { id: string } }).user.id;
  const approvers = await owner.context.request.put(`/api/projects/${projectId}/approvers`, {
    data: { userIds: [reviewerId] },
  });
  expect(approvers.status()).toBe(200);

  const board = editor.page;
  const row = board.getByTestId('rounds-row').filter({ hasText: 'clip' });
  let reviewUrl = '';

  await test.step('the editor uploads a cut and, once it is ready, opens the project’s rounds board', async () => {
    await board.goto(`/projects/${projectId}`);
    await uploadWithPicker(board, 'Upload files', clip);
    const card = board.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name: 'clip' });
    await card.getByRole('link').click();
    await expect(board.locator('.version-info .version-status')).toHaveAttribute('data-status', 'ready', {
      timeout: 90_000,
    });
    reviewUrl = board.url();
    await board.goto(`/projects/${projectId}`);
    await board.getByRole('link', { name: 'Rounds', exact: true }).click();
    await expect(board.getByRole('heading', { name: 'Rounds', level: 1 })).toBeVisible();
    await expect(row).toHaveAttribute('data-state', 'in_review');
    await expect(board.getByTestId('rounds-group-in_review')).toContainText('clip');
    await expect(row.getByTestId('rounds-pending')).toHaveText('Waiting on Rosa Reviewer');
    await expect(row).toContainText('0 of 1 approved');
    await expect(board.getByTestId('rounds-count-in_review').locator('dd')).toHaveText('1');
  });

  await test.step('the editor sets a due date that has passed, once warned: the round stands out as overdue', async () => {
    await row.getByRole('button', { name: 'Set due date of clip' }).click();
    await row.getByLabel('Due date of clip').fill(localTime(-3600_000));
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByRole('alert')).toHaveText(
      'That date is past: the round will be overdue at once and approvers reminded now.',
    );
    await expect(row).not.toContainText('Overdue');
    await row.getByRole('button', { name: 'Set it anyway' }).click();
    await expect(row.getByTestId('rounds-due')).toContainText('Overdue');
    await expect(row).toHaveClass(/rounds-row-overdue/);
    await expect(board.getByTestId('rounds-count-overdue').locator('dd')).toHaveText('1');
  });

  await test.step('filters work from the keyboard: nothing waits on the editor, everything is overdue', async () => {
    const waiting = board.getByLabel('Waiting on me');
    await waiting.focus();
    await board.keyboard.press('Space');
    await expect(board.getByText('No cut matches these filters.')).toBeVisible();
    await board.keyboard.press('Space');
    await board.keyboard.press('Tab');
    await expect(board.getByLabel('Overdue')).toBeFocused();
    await board.keyboard.press('Space');
    await expect(row).toBeVisible();
    await board.keyboard.press('Space');
  });

  await test.step('the reviewer requests changes in their own browser; the editor’s row moves live', async () => {
    await reviewer.page.goto(reviewUrl);
    const panel = reviewer.page.getByTestId('approval-panel');
    await panel.getByTestId('approval-toggle').click();
    await panel.getByTestId('request-changes-button').click();
    await expect(panel.getByTestId('my-decision')).toHaveText('You requested changes on v1.');

    await expect(row).toHaveAttribute('data-state', 'changes_requested');
    await expect(row.getByTestId('rounds-state')).toHaveText('Changes requested');
    await expect(board.getByTestId('rounds-group-changes_requested')).toContainText('clip');
    await expect(board.getByTestId('rounds-group-in_review')).toHaveCount(0);
    await expect(row.getByTestId('rounds-pending')).toHaveCount(0);
    await expect(board.getByTestId('rounds-count-changes_requested').locator('dd')).toHaveText('1');
  });

  await test.step('the row’s link opens the cut at its newest round, by keyboard', async () => {
    await row.getByRole('link', { name: 'clip' }).focus();
    await board.keyboard.press('Enter');
    await expect(board).toHaveURL(/\/assets\/[0-9a-f-]{36}\?version=1$/);
  });

  await test.step('the cut’s page shows the round overdue; the editor moves it there and the reviewer sees it live', async () => {
    const due = board.getByTestId('cut-due');
    const seen = reviewer.page.getByTestId('cut-due');
    await expect(due).toContainText('Overdue');
    await expect(seen).toContainText('Overdue');
    // Reviewers see when the round is due; those who run the cut set it.
    await expect(seen.getByRole('button')).toHaveCount(0);
    await due.getByRole('button', { name: 'Change due date' }).click();
    await due.getByLabel('Due date of clip').fill(localTime(24 * 3600_000));
    await due.getByRole('button', { name: 'Save' }).click();
    await expect(due).toContainText('Due');
    await expect(due).not.toContainText('Overdue');
    await expect(seen).not.toContainText('Overdue');
    const dueAt = await due.locator('time').getAttribute('datetime');
    await expect(seen.locator('time')).toHaveAttribute('datetime', dueAt!);
  });

  await test.step('the cut’s round history downloads as CSV from its details', async () => {
    await board.getByRole('tab', { name: 'Details' }).click();
    const download = board.waitForEvent('download');
    await board.getByTestId('round-history-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('clip round history.csv');
    const text = await readFile(await file.path(), 'utf8');
    expect(text).toContain('v1,requested changes,Rosa Reviewer');
  });

  for (const person of [owner, editor, reviewer]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});

test('sharing sets the due date on the round under review, and an earlier round never reads as overdue', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const broken = makeTruncatedClip(testInfo.outputPath('media'));
  const editor = await newPerson(browser, 'Eddie Editor');
  await signUp(editor);
  const projectId = await createProject(editor, `Shared rounds ${Date.now()}`);
  const page = editor.page;
  const versionsOf = async (assetId: string) =>
    (
      (await (await editor.context.request.get(`/api/assets/${assetId}/versions`)).json()) as {
        versions: { id: string; number: number; status: string }[];
      }
    ).versions;
  const dueOf = async (versionId: string) =>
    (
      (await (await editor.context.request.get(`/api/versions/${versionId}/due-date`)).json()) as {
        dueAt: string | null;
      }
    ).dueAt;

  await uploadAndOpen(editor, projectId, clip, 'clip');
  const assetId = /\/assets\/([0-9a-f-]{36})/.exec(page.url())![1];

  await test.step('v2 fails to process; sharing the cut with a due date sets it on v1, the round under review', async () => {
    await uploadWithPicker(page, 'Upload a new version', broken);
    await expect
      .poll(async () => (await versionsOf(assetId)).find((v) => v.number === 2)?.status, {
        timeout: 90_000,
      })
      .toBe('failed');
    await page.goto(`/projects/${projectId}`);
    await page.getByRole('button', { name: 'Share for review' }).click();
    const form = page.getByTestId('review-link-form');
    await form.getByRole('list', { name: 'Cuts to share' }).getByLabel('clip').check();
    await form.getByLabel('Due (optional)').fill(localTime(-86_400_000));
    await form.getByRole('button', { name: 'Create link' }).click();
    await expect(form.getByRole('alert')).toHaveText(
      'That date is past: the round will be overdue at once and approvers reminded now.',
    );
    await expect(page.getByTestId('new-review-link-url')).toHaveCount(0);
    await form.getByLabel('Due (optional)').fill(localTime(3 * 86_400_000));
    await form.getByRole('button', { name: 'Create link', exact: true }).click();
    await expect(page.getByTestId('new-review-link-url')).toBeVisible();
    const [v1, v2] = await versionsOf(assetId).then((all) => all.sort((a, b) => a.number - b.number));
    await expect.poll(() => dueOf(v1.id)).not.toBeNull();
    expect(await dueOf(v2.id)).toBeNull();
  });

  await test.step('once v3 is ready, v1’s page says when it was due, not that it is overdue', async () => {
    const v1 = (await versionsOf(assetId)).find((v) => v.number === 1)!;
    const past = await editor.context.request.put(`/api/versions/${v1.id}/due-date`, {
      data: { dueAt: new Date(Date.now() - 3600_000).toISOString() },
    });
    expect(past.status()).toBe(200);
    await page.goto(`/assets/${assetId}?version=1`);
    await expect(page.getByTestId('cut-due')).toContainText('Overdue');
    await uploadWithPicker(page, 'Upload a new version', clip);
    await expect
      .poll(async () => (await versionsOf(assetId)).find((v) => v.number === 3)?.status, {
        timeout: 90_000,
      })
      .toBe('ready');
    await page.goto(`/assets/${assetId}?version=1`);
    const due = page.getByTestId('cut-due');
    await expect(due).toContainText('Was due');
    await expect(due).not.toContainText('Overdue');
    await expect(due.getByRole('button')).toHaveCount(0);
  });

  expectCleanConsole(editor, [NO_AUDIO_WAVEFORM]);
  await editor.context.close();
});

test('“My work” shows a first cut in a project that had none, live', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const editor = await newPerson(browser, 'Eddie Editor');
  const reviewer = await newPerson(browser, 'Nia New');
  for (const person of [editor, reviewer]) await signUp(person);
  const projectId = await createProject(editor, `Fresh ${Date.now()}`);
  await addMember(editor, projectId, reviewer, 'reviewer');
  const me = await reviewer.context.request.get('/api/auth/me');
  const reviewerId = ((await me.json()) as { user: { id: string } }).user.id;
  await editor.context.request.put(`/api/projects/${projectId}/approvers`, {
    data: { userIds: [reviewerId] },
  });

  await reviewer.page.goto('/rounds');
  await expect(reviewer.page.getByText('No cut has a version ready for review yet.')).toBeVisible();
  await uploadAndOpen(editor, projectId, clip, 'clip');
  const row = reviewer.page.getByTestId('rounds-row').filter({ hasText: 'clip' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Waiting on you');

  for (const person of [editor, reviewer]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});

test('a round turns overdue on the board and on its page the moment its date passes, with nothing else happening', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const editor = await newPerson(browser, 'Eddie Editor');
  await signUp(editor);
  const projectId = await createProject(editor, `Due soon ${Date.now()}`);
  // Nobody is named to approve: no reminder (and so no event) comes when the date passes.
  await uploadAndOpen(editor, projectId, clip, 'clip');
  const cutPage = editor.page;
  const assetId = /\/assets\/([0-9a-f-]{36})/.exec(cutPage.url())![1];
  const versions = (await (await editor.context.request.get(`/api/assets/${assetId}/versions`)).json()) as {
    versions: { id: string }[];
  };
  const board = await editor.context.newPage();
  await board.goto(`/projects/${projectId}/rounds`);
  const row = board.getByTestId('rounds-row').filter({ hasText: 'clip' });
  await expect(row).toBeVisible();

  const set = await editor.context.request.put(`/api/versions/${versions.versions[0].id}/due-date`, {
    data: { dueAt: new Date(Date.now() + 6_000).toISOString() },
  });
  expect(set.status()).toBe(200);
  await expect(row.getByTestId('rounds-due').locator('time')).toBeVisible();
  await expect(row).not.toContainText('Overdue');
  await expect(cutPage.getByTestId('cut-due').locator('time')).toBeVisible();
  await expect(cutPage.getByTestId('cut-due')).not.toContainText('Overdue');

  await expect(row.getByTestId('rounds-due')).toContainText('Overdue', { timeout: 15_000 });
  await expect(board.getByTestId('rounds-count-overdue').locator('dd')).toHaveText('1');
  await expect(cutPage.getByTestId('cut-due')).toContainText('Overdue');

  expectCleanConsole(editor, [NO_AUDIO_WAVEFORM]);
  await editor.context.close();
});

test('with the board grouped by state, the arrow keys, Home and End move across the groups', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const media = testInfo.outputPath('media');
  const editor = await newPerson(browser, 'Eddie Editor');
  await signUp(editor);
  const projectId = await createProject(editor, `Groups ${Date.now()}`);
  const board = editor.page;
  await board.goto(`/projects/${projectId}`);
  const chooser = board.waitForEvent('filechooser');
  await board.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles([makeTestClip(media, 'first.mp4'), makeTestClip(media, 'second.mp4')]);
  const cards = board.getByRole('list', { name: 'Cuts' }).getByRole('listitem');
  for (const name of ['first', 'second']) {
    await expect(cards.filter({ hasText: name }).locator('.version-status')).toHaveAttribute(
      'data-status',
      'ready',
      { timeout: 90_000 },
    );
  }
  await board.goto(`/projects/${projectId}/rounds`);
  await expect(board.getByTestId('rounds-row')).toHaveCount(2);
  const second = board.getByTestId('rounds-row').filter({ hasText: 'second' });
  const assetId = await second.getAttribute('data-asset-id');
  const versions = (await (await editor.context.request.get(`/api/assets/${assetId}/versions`)).json()) as {
    versions: { id: string }[];
  };
  await editor.context.request.post(`/api/versions/${versions.versions[0].id}/decisions`, {
    data: { decision: 'changes_requested' },
  });
  await expect(board.getByTestId('rounds-group-changes_requested')).toContainText('second');
  await expect(board.getByTestId('rounds-group-in_review')).toContainText('first');

  const first = board.getByRole('link', { name: 'first', exact: true });
  const secondLink = board.getByRole('link', { name: 'second', exact: true });
  await first.focus();
  await board.keyboard.press('ArrowDown');
  await expect(secondLink).toBeFocused();
  await board.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
  await board.keyboard.press('End');
  await expect(secondLink).toBeFocused();
  await board.keyboard.press('Home');
  await expect(first).toBeFocused();

  await test.step('a 300-character name in one word keeps the board within the page, whole on hover', async () => {
    const long = 'W'.repeat(300);
    const renamed = await editor.context.request.patch(`/api/assets/${assetId}`, { data: { name: long } });
    expect(renamed.status()).toBe(200);
    const link = board.getByRole('link', { name: long });
    await expect(link).toHaveAttribute('title', long);
    const widths = await board.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.window);
  });

  expectCleanConsole(editor, [NO_AUDIO_WAVEFORM]);
  await editor.context.close();
});

test('a note moves its cut’s row alone: the board reads that row again, never the whole board', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const clip = makeTestClip(testInfo.outputPath('media'));
  const editor = await newPerson(browser, 'Eddie Editor');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  for (const person of [editor, reviewer]) await signUp(person);
  const projectId = await createProject(editor, `Busy ${Date.now()}`);
  await addMember(editor, projectId, reviewer, 'reviewer');
  await uploadAndOpen(editor, projectId, clip, 'clip');
  const assetId = /\/assets\/([0-9a-f-]{36})/.exec(editor.page.url())![1];
  const versions = (await (await editor.context.request.get(`/api/assets/${assetId}/versions`)).json()) as {
    versions: { id: string }[];
  };

  const board = await editor.context.newPage();
  const wholeBoards: string[] = [];
  const rowReads: string[] = [];
  board.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === `/api/projects/${projectId}/rounds`) wholeBoards.push(url.href);
    if (url.pathname === '/api/rounds' && url.searchParams.get('assetIds') === assetId)
      rowReads.push(url.href);
  });
  await board.goto(`/projects/${projectId}/rounds`);
  const row = board.getByTestId('rounds-row').filter({ hasText: 'clip' });
  await expect(row.getByTestId('rounds-notes')).toHaveText('None');
  // Joining the project's room (over the socket, which no network-idle wait sees) reads the board
  // once more, for what came meanwhile; from then on it is quiet.
  await expect.poll(() => wholeBoards.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  wholeBoards.length = 0;

  for (const body of ['Sky too warm', 'Logo too small', 'Music too loud']) {
    const posted = await reviewer.context.request.post(`/api/versions/${versions.versions[0].id}/comments`, {
      data: { body, frame: 5 },
    });
    expect(posted.status()).toBe(201);
  }
  await expect(row.getByTestId('rounds-notes')).toHaveText('3 (0 carried over, 3 new)');
  expect(rowReads.length).toBeGreaterThan(0);
  expect(wholeBoards).toEqual([]);

  for (const person of [editor, reviewer]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});
