import type { Comment } from '@cutroom/contracts';
import type { ApiProcess } from './support/api-process.js';
import type { SignedIn } from './support/http-client.js';
import { readyVersion } from './support/review-fixture.js';
import { signUpTeam } from './support/team.js';
import type { TestDatabase } from './support/test-database.js';
import { useTestServer } from './support/test-server.js';

describe('the notes list in pages', () => {
  const server = useTestServer({ MEDIA_WORKER: 'false' });
  let db: TestDatabase;
  let api: ApiProcess;
  let editor: SignedIn;
  let reviewer: SignedIn;
  let viewer: SignedIn;
  let versionId: string;

  const post = async (who: SignedIn, body: object): Promise<Comment> => {
    const response = await who.caller.post(`/api/versions/${versionId}/comments`, body);
    expect(response.status).toBe(201);
    return response.body;
  };
  const list = (query = '') => viewer.caller.get(`/api/versions/${versionId}/comments?status=all${query}`);

  /** Every page from the first, following nextCursor. */
  async function allPages(limit: number) {
    const pages: Comment[][] = [];
    let cursor: string | null = null;
    do {
      const response = await list(`&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      pages.push(response.body.comments);
      cursor = response.body.nextCursor;
    } while (cursor !== null && pages.length < 50);
    return pages;
  }

  beforeAll(async () => {
    ({ db, api } = server);
    let projectId: string;
    ({ editor, reviewer, viewer, projectId } = await signUpTeam(api.baseUrl, 'Paging'));
    ({ versionId } = await readyVersion(db, editor, projectId, 240));
    // Two general notes, notes sharing a frame, and replies: the places where an order can slip.
    await post(editor, { body: 'General one' });
    const shared = await post(reviewer, { body: 'Frame 40, first', frame: 40 });
    await post(editor, { body: 'Frame 40, second', frame: 40 });
    await post(reviewer, { body: 'Frame 10', frame: 10 });
    await post(editor, { body: 'General two' });
    await post(reviewer, { body: 'Frame 200 to 220', frame: 200, frameEnd: 220 });
    await post(editor, { body: 'Frame 0', frame: 0 });
    await post(editor, { body: 'On it', parentId: shared.id });
    await post(reviewer, { body: 'Thanks', parentId: shared.id });
  });

  it('without a limit, answers every note at once, as clients before paging expect', async () => {
    const response = await list();
    expect(response.status).toBe(200);
    expect(response.body.comments).toHaveLength(9);
    expect(response.body.nextCursor).toBeNull();
  });

  it('pages hold whole threads, and the pages together are the whole list in the same order', async () => {
    const whole: Comment[] = (await list()).body.comments;
    const pages = await allPages(2);
    expect(pages.map((page) => page.filter((comment) => comment.parentId === null).length)).toEqual([
      2, 2, 2, 1,
    ]);
    expect(pages.flat().map((comment) => comment.body)).toEqual(whole.map((comment) => comment.body));
    const withReplies = pages.find((page) => page.some((comment) => comment.body === 'Frame 40, first'))!;
    expect(withReplies.filter((comment) => comment.parentId !== null).map((comment) => comment.body)).toEqual(
      ['On it', 'Thanks'],
    );
  });

  it('a thread deleted after its page was read does not stop the next page', async () => {
    const first = (await list('&limit=3')).body;
    const lastOfPage = first.comments.filter((comment: Comment) => comment.parentId === null).at(-1);
    const author = lastOfPage.author.id === editor.user.id ? editor : reviewer;
    expect((await author.caller.delete(`/api/comments/${lastOfPage.id}`)).status).toBe(204);
    const next = await list(`&limit=3&cursor=${first.nextCursor}`);
    expect(next.status).toBe(200);
    const whole: Comment[] = (await list()).body.comments;
    const shown = [...first.comments, ...next.body.comments].filter(
      (comment) => comment.id !== lastOfPage.id,
    );
    expect(shown.map((comment) => comment.id)).toEqual(
      whole.slice(0, shown.length).map((comment) => comment.id),
    );
  });

  it('a cursor no list returned is refused with a sentence saying what to do', async () => {
    const response = await list('&limit=2&cursor=bm90LWEtY3Vyc29y');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('nextCursor');
  });

  it('a limit beyond the largest page is refused', async () => {
    expect((await list('&limit=501')).status).toBe(400);
  });
});
