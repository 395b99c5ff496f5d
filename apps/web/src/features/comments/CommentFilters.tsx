import type { CommentFilter, StatusFilter } from './comment-list';

export function CommentFilters({
  filter,
  onChange,
}: {
  filter: CommentFilter;
  onChange: (filter: CommentFilter) => void;
}) {
  return (
    <fieldset className="comment-filters">
      <legend className="visually-hidden">Filter comments</legend>
      <label>
        <span className="visually-hidden">Status</span>
        <select
          value={filter.status}
          title="Status"
          onChange={(event) => onChange({ ...filter, status: event.target.value as StatusFilter })}
        >
          <option value="all">All</option>
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={filter.mine}
          onChange={(event) => onChange({ ...filter, mine: event.target.checked })}
        />{' '}
        Mine
      </label>
      <label>
        <input
          type="checkbox"
          checked={filter.hasDrawing}
          onChange={(event) => onChange({ ...filter, hasDrawing: event.target.checked })}
        />{' '}
        With drawing
      </label>
      <label>
        <span className="visually-hidden">Hashtag</span>
        <input
          type="search"
          className="comment-hashtag"
          placeholder="#hashtag"
          value={filter.hashtag}
          onChange={(event) => onChange({ ...filter, hashtag: event.target.value })}
        />
      </label>
    </fieldset>
  );
}
