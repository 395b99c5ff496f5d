import {
  addMember,
  createProject,
  expect,
  expectCleanConsole,
  newPerson,
  signUp,
  test,
} from './support/fixtures';
import type { Person } from './support/fixtures';
import { makeTestClip, NO_AUDIO_WAVEFORM } from './support/media';
import { enterAsGuest, uploadAndOpen } from './support/review-page';

test('an editor moves a cut to another project from its card: the old project’s grid loses it and a producer watching the new one sees it arrive, live', async ({
  browser,
}) => {
  const editor = await newPerson(browser, 'Eddie Editor');
  const producer = await newPerson(browser, 'Pam Producer');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  const client = await newPerson(browser, 'Carla Client');
  for (const person of [editor, producer, reviewer]) await signUp(person);
  const stamp = Date.now();
  const spring = await createProject(editor, `Spring ${stamp}`);
  const summer = await createProject(editor, `Summer ${stamp}`);
  await addMember(editor, spring, reviewer, 'reviewer');
  await addMember(editor, summer, producer, 'editor');
  // A project where the editor only reviews: no place to add cuts, so not offered.
  const autumn = await createProject(producer, `Autumn ${stamp}`);
  await addMember(producer, autumn, editor, 'reviewer');
  // A ready cut, so that a guest may watch it.
  await uploadAndOpen(
    editor,
    spring,
    makeTestClip(test.info().outputPath('media'), 'Teaser rough.mp4'),
    'Teaser rough',
  );
  const teaser = new URL(editor.page.url()).pathname.split('/').at(-1);
  // A client reviewing Spring through a link for the whole project, on the cut's page.
  const link = await editor.context.request.post(`/api/projects/${spring}/links`, {
    data: { permissions: ['view', 'comment'] },
  });
  expect(link.status(), await link.text()).toBe(201);
  const teaserOnly = await editor.context.request.post(`/api/projects/${spring}/links`, {
    data: { label: 'Teaser only', assetIds: [teaser] },
  });
  expect(teaserOnly.status(), await teaserOnly.text()).toBe(201);
  await enterAsGuest(client, `/share/${((await link.json()) as { token: string }).token}`);
  await client.page.goto(`/assets/${teaser}`);
  await expect(client.page.getByRole('heading', { name: 'Teaser rough' })).toBeVisible();

  await editor.page.goto(`/projects/${spring}`);
  await reviewer.page.goto(`/projects/${spring}`);
  await producer.page.goto(`/projects/${summer}`);
  const cutsOf = (person: Person) => person.page.getByRole('list', { name: 'Cuts' });
  await expect(cutsOf(reviewer).getByRole('listitem', { name: 'Teaser rough' })).toBeVisible();

  await test.step('a reviewer is not offered the move', async () => {
    await cutsOf(reviewer).getByRole('button', { name: 'Actions for Teaser rough' }).click();
    await expect(cutsOf(reviewer).getByRole('button', { name: 'Move to project…' })).toHaveCount(0);
    await reviewer.page.keyboard.press('Escape');
  });

  await test.step('the picker lists only the other projects where the editor may add cuts', async () => {
    await cutsOf(editor).getByRole('button', { name: 'Actions for Teaser rough' }).click();
    await cutsOf(editor).getByRole('button', { name: 'Move to project…' }).click();
    const picker = cutsOf(editor).getByLabel('Move to project');
    await expect(picker.locator('option')).toHaveText([`Summer ${stamp}`]);
  });

  await test.step('moved: gone from Spring for everyone watching it, arrived in Summer for the producer', async () => {
    await cutsOf(editor).getByRole('button', { name: 'Move cut' }).click();
    await expect(cutsOf(editor).getByRole('listitem', { name: 'Teaser rough' })).toHaveCount(0);
    await expect(cutsOf(reviewer).getByRole('listitem', { name: 'Teaser rough' })).toHaveCount(0);
    await expect(cutsOf(producer).getByRole('listitem', { name: 'Teaser rough' })).toBeVisible();
    await producer.page.reload();
    await expect(cutsOf(producer).getByRole('listitem', { name: 'Teaser rough' })).toBeVisible();
  });

  await test.step('Spring’s link for that cut alone says it shares no cuts now', async () => {
    await expect(editor.page.getByTestId('review-link-row').filter({ hasText: 'Teaser only' })).toContainText(
      'No cuts left: they were moved to another project',
    );
  });

  await test.step('the client watching it through Spring’s link is told, in a guest’s terms, that it is no longer shared', async () => {
    await expect(
      client.page.getByRole('heading', { name: 'This cut is no longer shared with you' }),
    ).toBeVisible();
    await client.page.getByRole('link', { name: 'Back to what is shared with you' }).click();
    await expect(client.page).toHaveURL(/\/shared$/);
  });

  for (const person of [producer, reviewer]) expectCleanConsole(person);
  expectCleanConsole(editor, [NO_AUDIO_WAVEFORM]);
  // The client's cut page asked for the cut once more after the move, and was refused.
  expectCleanConsole(client, [NO_AUDIO_WAVEFORM, /^404 GET \/api\/assets\/[0-9a-f-]+(\/versions)?$/]);
});
