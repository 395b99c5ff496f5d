import type { Member } from '@cutroom/contracts';
import { useState } from 'react';
import { describeError } from '../../lib/api-client';
import { useCreateComment } from './comment-queries';
import { MentionTextarea } from './MentionTextarea';

export function ReplyForm({
  versionId,
  parentId,
  members,
  onDone,
}: {
  versionId: string;
  parentId: string;
  members: readonly Member[];
  onDone: () => void;
}) {
  const [body, setBody] = useState('');
  const create = useCreateComment(versionId);
  const post = () => {
    if (body.trim() === '' || create.isPending) return;
    create.mutate({ body, parentId }, { onSuccess: onDone });
  };
  return (
    <form
      className="reply-form"
      aria-label="Reply"
      onSubmit={(event) => {
        event.preventDefault();
        post();
      }}
    >
      <MentionTextarea
        label="Reply"
        value={body}
        onChange={setBody}
        members={members}
        autoFocus
        onSubmit={post}
      />
      <div className="comment-actions">
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={body.trim() === '' || create.isPending}
        >
          Reply
        </button>
        <button type="button" className="button button-small button-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
      {create.error && (
        <p className="form-alert" role="alert">
          {describeError(create.error)}
        </p>
      )}
    </form>
  );
}
