import {
  addMember,
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
} from './support/fixtures';
import { dropFile, makeTestClip, NO_AUDIO_WAVEFORM } from './support/media';

const EXPECTED_FAILURES = [NO_AUDIO_WAVEFORM];

test('an editor uploads a cut and a reviewer sees it arrive live', async ({ browser }, testInfo) => {
  const clip = makeTestClip(testInfo.outputPath('media'));
  const owner = await newPerson(browser, 'Orla Owner');
  const editor = await newPerson(browser, 'Eddie Editor');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  for (const person of [owner, editor, reviewer]) await signUp(person);
  const projectId = await createProject(owner, `Spot ${Date.now()}`);
  await addMember(owner, projectId, editor, 'editor');
  await addMember(owner, projectId, reviewer, 'reviewer');

  await test.step('both open the empty project', async () => {
    for (const person of [editor, reviewer]) {
      await person.page.goto(`/projects/${projectId}`);
      await expect(person.page.getByRole('heading', { name: 'No cuts here yet' })).toBeVisible();
    }
  });

  await test.step('the editor uploads a clip with the file picker and sees its progress', async () => {
    const chooser = editor.page.waitForEvent('filechooser');
    await editor.page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles(clip);
    const row = editor.page.getByRole('listitem', { name: 'Upload of clip.mp4' });
    await expect(row).toBeVisible();
    await expect(row.getByRole('progressbar', { name: 'Upload progress of clip.mp4' })).toBeVisible();
    await expect(row.getByRole('status')).toHaveText('Uploaded');
    await expect(row).toHaveAttribute('data-state', 'done');
  });

  const editorCard = editor.page.getByRole('list', { name: 'Cuts' }).getByRole('listitem', { name: 'clip' });
  const reviewerCard = reviewer.page
    .getByRole('list', { name: 'Cuts' })
    .getByRole('listitem', { name: 'clip' });

  await test.step('the cut appears for the editor as v1', async () => {
    await expect(editorCard).toBeVisible();
    await expect(editorCard.getByText('v1', { exact: true })).toBeVisible();
    await expect(editorCard.getByText('1 version', { exact: true })).toBeVisible();
  });

  await test.step('the reviewer sees it appear without reloading, its status moving on live', async () => {
    await expect(reviewerCard).toBeVisible();
    await expect(reviewerCard.getByText('v1', { exact: true })).toBeVisible();
    // The upload is whole, so the version has left `uploading`: queued, processing or already ready.
    await expect(reviewerCard.locator('.version-status')).toHaveAttribute(
      'data-status',
      /^(queued|processing|ready)$/,
    );
    await expect(reviewer.page.getByRole('button', { name: 'Upload files' })).toHaveCount(0);
  });

  await test.step('the reviewer opens the cut: v1 with its status and the original to download', async () => {
    await reviewerCard.getByRole('link').click();
    await expect(reviewer.page).toHaveURL(/\/assets\/[0-9a-f-]{36}\?version=1$/);
    await expect(reviewer.page.getByRole('heading', { name: 'clip', level: 1 })).toBeVisible();
    const versions = reviewer.page.getByRole('navigation', { name: 'Versions' });
    await expect(versions.getByRole('link', { name: /v1/ })).toHaveAttribute('aria-current', 'page');
    // The file's facts are under Details, beside the Notes.
    await reviewer.page.getByRole('tab', { name: 'Details' }).click();
    await expect(reviewer.page.getByText('clip.mp4')).toBeVisible();
    await expect(reviewer.page.getByRole('link', { name: 'Download original' })).toBeVisible();
    await expect(reviewer.page.getByRole('link', { name: 'Download original' })).toHaveAttribute(
      'href',
      /\/api\/versions\/[0-9a-f-]{36}\/original$/,
    );
    // A shared or reloaded link to the cut opens the same page.
    await reviewer.page.reload();
    await expect(reviewer.page.getByRole('heading', { name: 'clip', level: 1 })).toBeVisible();
  });

  await test.step('the editor drops a new cut onto the card: it becomes v2', async () => {
    await dropFile(editorCard, clip, 'clip-v2.mp4');
    const row = editor.page.getByRole('listitem', { name: 'Upload of clip-v2.mp4' });
    await expect(row.getByText('New version of clip')).toBeVisible();
    await expect(row.getByRole('status')).toHaveText('Uploaded');
    await expect(editorCard.getByText('v2', { exact: true })).toBeVisible();
    await expect(editorCard.getByText('2 versions', { exact: true })).toBeVisible();
  });

  await test.step('the reviewer, still on v1, sees v2 join the version stack live', async () => {
    const versions = reviewer.page.getByRole('navigation', { name: 'Versions' });
    await expect(versions.getByRole('link', { name: /v2/ })).toBeVisible();
    await expect(versions.getByRole('link', { name: /v2/ })).toHaveAttribute(
      'data-status',
      /^(uploading|queued|processing|ready)$/,
    );
    await expect(versions.getByRole('link', { name: /v1/ })).toHaveAttribute('aria-current', 'page');
    await versions.getByRole('link', { name: /v2/ }).click();
    await expect(reviewer.page).toHaveURL(/\?version=2$/);
    // The reload above opened the page on its Notes, as always.
    await reviewer.page.getByRole('tab', { name: 'Details' }).click();
    await expect(reviewer.page.getByText('clip-v2.mp4')).toBeVisible();
  });

  await test.step('a reviewer who lost the connection catches up on what happened meanwhile', async () => {
    await reviewer.context.setOffline(true);
    await expect(reviewer.page.getByRole('status').filter({ hasText: 'Reconnecting' })).toBeVisible();
    await dropFile(editorCard, clip, 'clip-v3.mp4');
    await expect(
      editor.page.getByRole('listitem', { name: 'Upload of clip-v3.mp4' }).getByRole('status'),
    ).toHaveText('Uploaded');
    await expect(editorCard.getByText('v3', { exact: true })).toBeVisible();
    await reviewer.context.setOffline(false);
    const versions = reviewer.page.getByRole('navigation', { name: 'Versions' });
    await expect(versions.getByRole('link', { name: /v3/ })).toBeVisible({ timeout: 20_000 });
    await expect(reviewer.page.getByRole('status').filter({ hasText: 'Reconnecting' })).toHaveCount(0);
  });

  for (const person of [owner, editor, reviewer]) {
    expectCleanConsole(person, EXPECTED_FAILURES);
    await person.context.close();
  }
});
