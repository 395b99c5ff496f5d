import type {
  Annotation,
  Comment,
  CommentList,
  CreateCommentBody,
  UpdateCommentBody,
} from '@cutroom/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { removeComment, upsertComment } from './comment-list';
import {
  addReaction,
  createComment,
  deleteComment,
  listComments,
  removeReaction,
  setCommentResolved,
  updateComment,
} from './comments-api';

/**
 * Cache keys of the comments feature. Socket events update these entries in one place:
 * comment-events.ts; a person's own changes land here from the API's answer too.
 */
export const commentKeys = {
  all: ['comments'] as const,
  list: (versionId: string) => [...commentKeys.all, 'version', versionId] as const,
};

export function useComments(versionId: string) {
  return useQuery({
    queryKey: commentKeys.list(versionId),
    queryFn: ({ signal }) => listComments(versionId, signal),
    select: (list) => list.comments,
  });
}

function useStoreComment() {
  const queryClient = useQueryClient();
  return (comment: Comment) =>
    queryClient.setQueryData<CommentList>(commentKeys.list(comment.versionId), (list) =>
      list ? { comments: upsertComment(list.comments, comment) } : list,
    );
}

export function useCreateComment(versionId: string) {
  const store = useStoreComment();
  return useMutation({
    mutationFn: (body: CreateCommentBody) => createComment(versionId, body),
    onSuccess: store,
  });
}

export function useUpdateComment(commentId: string) {
  const store = useStoreComment();
  return useMutation({
    mutationFn: (body: UpdateCommentBody) => updateComment(commentId, body),
    onSuccess: store,
  });
}

/** Replaces a note's drawing; null takes it away. */
export function useUpdateDrawing() {
  const store = useStoreComment();
  return useMutation({
    mutationFn: ({ commentId, annotation }: { commentId: string; annotation: Annotation | null }) =>
      updateComment(commentId, { annotation }),
    onSuccess: store,
  });
}

export function useResolveComment(commentId: string) {
  const store = useStoreComment();
  return useMutation({
    mutationFn: (resolved: boolean) => setCommentResolved(commentId, resolved),
    onSuccess: store,
  });
}

export function useReact(commentId: string) {
  const store = useStoreComment();
  return useMutation({
    mutationFn: ({ emoji, add }: { emoji: string; add: boolean }) =>
      add ? addReaction(commentId, emoji) : removeReaction(commentId, emoji),
    onSuccess: store,
  });
}

export function useDeleteComment(comment: Comment) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteComment(comment.id),
    onSuccess: () =>
      queryClient.setQueryData<CommentList>(commentKeys.list(comment.versionId), (list) =>
        list ? { comments: removeComment(list.comments, comment.id) } : list,
      ),
  });
}
