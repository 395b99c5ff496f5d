import { isInternalEvent } from './event-visibility.js';

const event = (payload: unknown) => ({ payload });

describe('which events a review-link guest may receive', () => {
  it('keeps an internal note from guests whether it is posted, edited, resolved or deleted', () => {
    expect(isInternalEvent(event({ comment: { id: 'c', internal: true } }))).toBe(true);
    expect(isInternalEvent(event({ commentId: 'c', versionId: 'v', internal: true }))).toBe(true);
  });

  it('keeps an internal note of vN from guests when it is marked addressed in vN+1', () => {
    expect(isInternalEvent(event({ versionId: 'v', item: { comment: { internal: true } } }))).toBe(true);
    expect(isInternalEvent(event({ versionId: 'v', item: { comment: { internal: false } } }))).toBe(false);
  });

  it('lets everything else through: public notes, decisions, versions', () => {
    expect(isInternalEvent(event({ comment: { id: 'c', internal: false } }))).toBe(false);
    expect(isInternalEvent(event({ decision: { decision: 'approved' } }))).toBe(false);
    expect(isInternalEvent(event(null))).toBe(false);
  });
});
