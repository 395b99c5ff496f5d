import type { Comment } from '@cutroom/contracts';
import type { LiveStroke } from '../../lib/realtime/room-signals';
import { AnnotationView, ShapeView } from './ShapeView';

/** Inside a drawing overlay's svg: the notes' saved drawings on this frame and others' strokes under way. */
export function RoomDrawings({
  saved,
  live,
  picture,
}: {
  saved: readonly Comment[];
  live: readonly LiveStroke[];
  picture: { width: number; height: number };
}) {
  return (
    <>
      {saved.map((comment) =>
        comment.annotation ? (
          <AnnotationView
            key={comment.id}
            annotation={comment.annotation}
            picture={picture}
            label={`Drawing by ${comment.author?.displayName ?? 'someone'}`}
          />
        ) : null,
      )}
      <g data-testid="live-drawing">
        {live.map((stroke) => (
          <ShapeView key={`${stroke.socketId}:${stroke.shape.id}`} shape={stroke.shape} picture={picture} />
        ))}
      </g>
    </>
  );
}
