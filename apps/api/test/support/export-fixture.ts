import type { Caller, Reply } from './http-client.js';

/** The marks: 29.97 drop-frame from 00:00:59;28, so frame 2 is the minute's first label. */
export const EXPECTED_TIMECODES: Record<number, string> = {
  0: '00:00:59;28',
  2: '00:01:00;02',
  50: '00:01:01;20',
  100: '00:01:03;10',
  120: '00:01:04;00',
  150: '00:01:05;00',
};

export interface PostedNotes {
  opening: string;
  logo: string;
  grade: string;
  range: string;
  internal: string;
}

/** A rectangle around the middle of the picture: the drawing on the range note. */
export const RANGE_DRAWING = {
  version: 1,
  shapes: [
    { id: 'box', kind: 'rectangle', colour: '#ff3b30', strokeWidth: 0.01, from: [0.3, 0.3], to: [0.7, 0.7] },
  ],
};

/**
 * Notes at frames 0, 2 (with a reply), 100 (resolved, with a tag and Cyrillic), a drawn range
 * 120–150, and an internal thread at 50 whose reply is internal by its thread.
 */
export async function postNotes(editor: Caller, reviewer: Caller, versionId: string): Promise<PostedNotes> {
  const post = async (who: Caller, body: object): Promise<string> => {
    const reply: Reply = await who.post(`/api/versions/${versionId}/comments`, body);
    if (reply.status !== 201)
      throw new Error(`note not posted: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.id;
  };
  const opening = await post(editor, { body: 'Open on black', frame: 0 });
  const logo = await post(editor, { body: 'Logo flashes too early', frame: 2 });
  await post(reviewer, { body: 'Agreed, move it two frames', parentId: logo });
  const grade = await post(editor, { body: 'Warmer grade — цвет теплее #grade', frame: 100 });
  const resolved = await editor.post(`/api/comments/${grade}/resolve`);
  if (resolved.status !== 200) throw new Error(`not resolved: ${resolved.status}`);
  const range = await post(editor, {
    body: 'Circle the car',
    frame: 120,
    frameEnd: 150,
    annotation: RANGE_DRAWING,
  });
  const internal = await post(editor, { body: 'Client will hate this cut', frame: 50, internal: true });
  await post(reviewer, { body: 'Keep it between us', parentId: internal });
  return { opening, logo, grade, range, internal };
}
