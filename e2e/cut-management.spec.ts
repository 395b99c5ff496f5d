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
import { makeTestClip, NO_AUDIO_WAVEFORM } from './support/media';
import { uploadAndOpen } from './support/review-page';

async function newCut(person: Person, projectId: string, name: string): Promise<string> {
  const response = await person.context.request.post(`/api/projects/${projectId}/assets`, { data: { name } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test('an editor renames a cut from its card, in the grid and the list, by keyboard; a reviewer’s grid follows live', async ({
  browser,
}) => {
  const editor = await newPerson(browser, 'Eddie Editor');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  for (const person of [editor, reviewer]) await signUp(person);
  const projectId = await createProject(editor, `Rename ${Date.now()}`);
  await addMember(editor, projectId, reviewer, 'reviewer');
  await newCut(editor, projectId, 'Trailer rough');
  for (const person of [editor, reviewer]) await person.page.goto(`/projects/${projectId}`);
  const cutsOf = (person: Person) => person.page.getByRole('list', { name: 'Cuts' });

  await test.step('a reviewer’s card menu has no Rename', async () => {
    await cutsOf(reviewer).getByRole('button', { name: 'Actions for Trailer rough' }).click();
    await expect(cutsOf(reviewer).getByRole('group', { name: 'Actions for Trailer rough' })).toBeVisible();
    await expect(cutsOf(reviewer).getByRole('button', { name: 'Rename' })).toHaveCount(0);
    await reviewer.page.keyboard.press('Escape');
    await expect(cutsOf(reviewer).getByRole('group', { name: 'Actions for Trailer rough' })).toHaveCount(0);
  });

  await test.step('in the grid, with the keyboard only', async () => {
    const toggle = cutsOf(editor).getByRole('button', { name: 'Actions for Trailer rough' });
    await toggle.focus();
    await editor.page.keyboard.press('Enter');
    await editor.page.keyboard.press('Tab');
    await expect(cutsOf(editor).getByRole('button', { name: 'Rename' })).toBeFocused();
    await editor.page.keyboard.press('Enter');
    const field = cutsOf(editor).getByLabel('Cut name');
    await expect(field).toBeFocused();
    await field.fill('Trailer v2 grade');
    await editor.page.keyboard.press('Enter');
    await expect(cutsOf(editor).getByRole('listitem', { name: 'Trailer v2 grade' })).toBeVisible();
    await expect(cutsOf(editor).getByRole('button', { name: 'Actions for Trailer v2 grade' })).toBeFocused();
    await expect(cutsOf(reviewer).getByRole('listitem', { name: 'Trailer v2 grade' })).toBeVisible();
  });

  await test.step('in the list view; an empty name is refused with a reason', async () => {
    await editor.page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'List' }).click();
    await cutsOf(editor).getByRole('button', { name: 'Actions for Trailer v2 grade' }).click();
    await cutsOf(editor).getByRole('button', { name: 'Rename' }).click();
    await cutsOf(editor).getByLabel('Cut name').fill('  ');
    await cutsOf(editor).getByRole('button', { name: 'Save name' }).click();
    await expect(cutsOf(editor).locator('.field-error')).toBeVisible();
    await cutsOf(editor).getByLabel('Cut name').fill('Trailer final');
    await cutsOf(editor).getByRole('button', { name: 'Save name' }).click();
    await expect(cutsOf(editor).getByRole('listitem', { name: 'Trailer final' })).toBeVisible();
    await expect(cutsOf(reviewer).getByRole('listitem', { name: 'Trailer final' })).toBeVisible();
    await reviewer.page.reload();
    await expect(cutsOf(reviewer).getByRole('listitem', { name: 'Trailer final' })).toBeVisible();
  });

  for (const person of [editor, reviewer]) expectCleanConsole(person);
});

test('an editor deletes one version after confirming: the others keep their numbers and a reviewer on that version follows live', async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const clip = makeTestClip(testInfo.outputPath('clips'), 'stack.mp4');
  const editor = await newPerson(browser, 'Eddie Editor');
  const reviewer = await newPerson(browser, 'Rosa Reviewer');
  for (const person of [editor, reviewer]) await signUp(person);
  const projectId = await createProject(editor, `Versions ${Date.now()}`);
  await addMember(editor, projectId, reviewer, 'reviewer');
  await uploadAndOpen(editor, projectId, clip, 'stack');
  const versions = (person: Person) => person.page.getByRole('navigation', { name: 'Versions' });
  for (const round of [2, 3]) {
    const chooser = editor.page.waitForEvent('filechooser');
    await editor.page.getByRole('button', { name: 'Upload a new version' }).click();
    await (await chooser).setFiles(clip);
    await expect(versions(editor).getByRole('link', { name: new RegExp(`^v${round}`) })).toHaveAttribute(
      'data-status',
      'ready',
      { timeout: 90_000 },
    );
  }
  const assetUrl = new URL(editor.page.url());
  await reviewer.page.goto(`${assetUrl.pathname}?version=2`);
  await expect(versions(reviewer).getByRole('link', { name: /^v2/ })).toHaveAttribute('aria-current', 'page');

  await test.step('a reviewer has no version menu', async () => {
    await expect(reviewer.page.getByRole('button', { name: 'Version actions' })).toHaveCount(0);
  });

  await test.step('the editor deletes v2 after confirming; v1 and v3 stay v1 and v3', async () => {
    await editor.page.goto(`${assetUrl.pathname}?version=2`);
    await editor.page.getByRole('button', { name: 'Version actions' }).click();
    await editor.page.getByRole('button', { name: 'Delete v2…' }).click();
    await expect(editor.page.getByText('Delete v2 with its notes, decisions and media?')).toBeVisible();
    await editor.page.getByRole('button', { name: 'Delete v2', exact: true }).click();
    await expect(versions(editor).getByRole('link')).toHaveCount(2);
    await expect(versions(editor).getByRole('link', { name: /^v3/ })).toHaveAttribute('aria-current', 'page');
    await expect(versions(editor).getByRole('link', { name: /^v1/ })).toBeVisible();
  });

  await test.step('the reviewer watching v2 sees it go at once', async () => {
    await expect(versions(reviewer).getByRole('link')).toHaveCount(2);
    await expect(reviewer.page.getByText('There is no version 2 of this cut')).toBeVisible();
    await reviewer.page.getByRole('link', { name: 'Open the latest version' }).click();
    await expect(versions(reviewer).getByRole('link', { name: /^v3/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  await test.step('the last version cannot go alone: the menu says to delete the cut', async () => {
    await editor.page.getByRole('button', { name: 'Version actions' }).click();
    await editor.page.getByRole('button', { name: 'Delete v3…' }).click();
    await editor.page.getByRole('button', { name: 'Delete v3', exact: true }).click();
    await expect(versions(editor).getByRole('link')).toHaveCount(1);
    await editor.page.getByRole('button', { name: 'Version actions' }).click();
    await expect(editor.page.getByText('The only version of a cut cannot be deleted alone')).toBeVisible();
  });

  for (const person of [editor, reviewer]) expectCleanConsole(person, [NO_AUDIO_WAVEFORM]);
});

test('an editor deletes a cut from its card; it leaves a producer’s grid live; restored from Recently deleted it comes back for both', async ({
  browser,
}) => {
  const editor = await newPerson(browser, 'Eddie Editor');
  const producer = await newPerson(browser, 'Pia Producer');
  for (const person of [editor, producer]) await signUp(person);
  const projectId = await createProject(editor, `Bin ${Date.now()}`);
  await addMember(editor, projectId, producer, 'owner');
  await newCut(editor, projectId, 'Teaser alt');
  await newCut(editor, projectId, 'Teaser main');
  for (const person of [editor, producer]) await person.page.goto(`/projects/${projectId}`);
  const cutsOf = (person: Person) => person.page.getByRole('list', { name: 'Cuts' });
  await expect(cutsOf(producer).getByRole('listitem', { name: 'Teaser alt' })).toBeVisible();

  await test.step('delete asks first, then the cut leaves both grids', async () => {
    await cutsOf(editor).getByRole('button', { name: 'Actions for Teaser alt' }).click();
    await cutsOf(editor).getByRole('button', { name: 'Delete…' }).click();
    await expect(cutsOf(editor).getByText('Delete “Teaser alt”?')).toBeVisible();
    await cutsOf(editor).getByRole('button', { name: 'Delete cut' }).click();
    await expect(cutsOf(editor).getByRole('listitem', { name: 'Teaser alt' })).toHaveCount(0);
    await expect(cutsOf(producer).getByRole('listitem', { name: 'Teaser alt' })).toHaveCount(0);
    await expect(cutsOf(producer).getByRole('listitem', { name: 'Teaser main' })).toBeVisible();
  });

  await test.step('Recently deleted says who deleted it, when, and the days left; restore brings it back live', async () => {
    await producer.page.getByText('Recently deleted (1)').click();
    const entry = producer.page.getByRole('list', { name: 'Recently deleted cuts' }).getByRole('listitem', {
      name: 'Teaser alt',
    });
    await expect(entry).toContainText('Deleted by Eddie Editor');
    await expect(entry).toContainText('just now');
    await expect(entry).toContainText('30 days left');
    await entry.getByRole('button', { name: 'Restore Teaser alt' }).click();
    await expect(cutsOf(producer).getByRole('listitem', { name: 'Teaser alt' })).toBeVisible();
    await expect(cutsOf(editor).getByRole('listitem', { name: 'Teaser alt' })).toBeVisible();
    await expect(producer.page.getByText(/Recently deleted \(/)).toHaveCount(0);
  });

  await test.step('delete forever asks first and erases it', async () => {
    await cutsOf(editor).getByRole('button', { name: 'Actions for Teaser alt' }).click();
    await cutsOf(editor).getByRole('button', { name: 'Delete…' }).click();
    await cutsOf(editor).getByRole('button', { name: 'Delete cut' }).click();
    await editor.page.getByText('Recently deleted (1)').click();
    await editor.page.getByRole('button', { name: 'Delete Teaser alt forever' }).click();
    await editor.page.getByRole('button', { name: 'Delete forever', exact: true }).click();
    await expect(editor.page.getByText(/Recently deleted \(/)).toHaveCount(0);
    await expect(producer.page.getByText(/Recently deleted \(/)).toHaveCount(0);
  });

  for (const person of [editor, producer]) expectCleanConsole(person);
});
