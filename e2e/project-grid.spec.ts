import type { Page } from '@playwright/test';
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
import { codedTimecode, makeCodedClip } from './support/coded-clip';
import { NO_AUDIO_WAVEFORM } from './support/media';

async function upload(page: Page, file: string, name: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles(file);
  const card = page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name });
  await expect(card.locator('.version-status')).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
}

async function versionOf(person: Person, projectId: string, name: string): Promise<string> {
  const response = await person.context.request.get(`/api/projects/${projectId}/assets`);
  const { assets } = (await response.json()) as { assets: { name: string; latestVersion: { id: string } }[] };
  const asset = assets.find((candidate) => candidate.name === name);
  if (!asset) throw new Error(`no cut named ${name}`);
  return asset.latestVersion.id;
}

test('the project grid shows each cut’s length, open notes, round and last activity, live; sorts; and remembers the list view', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const long = await makeCodedClip(testInfo.outputPath('alpha-long.mov'), {
    frames: 100,
    width: 320,
    height: 180,
  });
  const short = await makeCodedClip(testInfo.outputPath('beta-short.mov'), {
    frames: 50,
    width: 320,
    height: 180,
  });
  const editor = await newPerson(browser, 'Eddie Editor');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  for (const person of [editor, reviewer]) await signUp(person);
  const projectId = await createProject(editor, `Grid ${Date.now()}`);
  await addMember(editor, projectId, reviewer, 'reviewer');
  const page = editor.page;
  await page.goto(`/projects/${projectId}`);
  await upload(page, long, 'alpha-long');
  await upload(page, short, 'beta-short');

  const cuts = page.getByRole('list', { name: 'Cuts' });
  const alpha = cuts.getByRole('listitem', { name: 'alpha-long' });
  const beta = cuts.getByRole('listitem', { name: 'beta-short' });
  const order = () =>
    cuts.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));

  await test.step('each card: duration as timecode, open notes, round, last activity', async () => {
    await expect(alpha.getByTestId('asset-duration')).toHaveText(codedTimecode(100));
    await expect(beta.getByTestId('asset-duration')).toHaveText(codedTimecode(50));
    await expect(alpha.getByTestId('asset-open-notes')).toHaveText('0 open notes');
    await expect(alpha.getByTestId('approval-badge')).toHaveText('In review');
    await expect(alpha.getByTestId('asset-activity').locator('time')).toHaveText('just now');
    await expect(alpha.getByTestId('asset-activity').locator('time')).toHaveAttribute('title', /\d/);
  });

  await test.step('a reviewer’s notes count on the card at once and bring the cut to the top', async () => {
    await page.getByTestId('asset-sort').selectOption('activity');
    const alphaVersion = await versionOf(reviewer, projectId, 'alpha-long');
    const notes: string[] = [];
    for (const body of ['Sky too warm', 'Logo small']) {
      const response = await reviewer.context.request.post(`/api/versions/${alphaVersion}/comments`, {
        data: { body, frame: 10 },
      });
      expect(response.status()).toBe(201);
      notes.push(((await response.json()) as { id: string }).id);
    }
    await expect(alpha.getByTestId('asset-open-notes')).toHaveText('2 open notes');
    await expect.poll(order).toEqual(['alpha-long', 'beta-short']);
    // Resolving one leaves one open.
    expect((await editor.context.request.post(`/api/comments/${notes[0]}/resolve`)).status()).toBe(200);
    await expect(alpha.getByTestId('asset-open-notes')).toHaveText('1 open note');
  });

  await test.step('sort by name, created, duration', async () => {
    await page.getByTestId('asset-sort').selectOption('name');
    await expect.poll(order).toEqual(['alpha-long', 'beta-short']);
    await page.getByTestId('asset-sort').selectOption('created');
    await expect.poll(order).toEqual(['beta-short', 'alpha-long']);
    await page.getByTestId('asset-sort').selectOption('duration');
    await expect.poll(order).toEqual(['alpha-long', 'beta-short']);
  });

  await test.step('the list view: one row per cut, remembered after a reload with the sort', async () => {
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }).click();
    await expect(cuts).toHaveAttribute('data-view', 'list');
    const [first, second] = [await alpha.boundingBox(), await beta.boundingBox()];
    // Rows: one above the other, each the list's full width.
    expect(second?.y ?? 0).toBeGreaterThan((first?.y ?? 0) + (first?.height ?? 0) - 1);
    expect(Math.abs((first?.width ?? 0) - (second?.width ?? 0))).toBeLessThan(1);
    expect(first?.height ?? 0).toBeLessThan(120);
    await page.reload();
    await expect(cuts).toHaveAttribute('data-view', 'list');
    await expect(page.getByTestId('asset-sort')).toHaveValue('duration');
    await expect(alpha.getByTestId('asset-duration')).toHaveText(codedTimecode(100));
    await expect(alpha.getByTestId('asset-open-notes')).toHaveText('1 open note');
    await page.screenshot({ path: testInfo.outputPath('grid-list.png') });
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Grid' }).click();
    await expect(cuts).toHaveAttribute('data-view', 'grid');
    await page.screenshot({ path: testInfo.outputPath('grid.png') });
  });

  for (const person of [editor, reviewer]) {
    expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
    await person.context.close();
  }
});
