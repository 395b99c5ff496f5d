import { useState } from 'react';
import { Link } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { useProjects } from '../projects/project-queries';
import { useMyBoard } from './rounds-board-queries';
import { RoundsBoardView } from './RoundsBoardView';
import { useProjectRooms } from './use-project-rooms';

/** "My work": the rounds of every project I am in — only mine, or everything. */
export function MyWorkPage() {
  const [onlyMine, setOnlyMine] = useState(true);
  const board = useMyBoard(onlyMine);
  // Every project I am in, shown or not: a first cut in an empty one appears live (the list
  // itself follows me into projects I join).
  const projects = useProjects();
  useProjectRooms(projects.data?.map((project) => project.id) ?? []);
  return (
    <>
      <title>My work · Cutroom</title>
      <div className="page-heading">
        <div>
          <p className="breadcrumb">
            <Link to="/">Projects</Link>
          </p>
          <h1>My work</h1>
          <p className="page-subtitle">
            Rounds across your projects: what waits on you and what you are waiting for.
          </p>
        </div>
        <label className="rounds-scope">
          <input type="checkbox" checked={onlyMine} onChange={() => setOnlyMine(!onlyMine)} /> Only cuts I
          made or approve
        </label>
      </div>
      {board.data ? (
        <RoundsBoardView
          board={board.data}
          receivedAt={board.dataUpdatedAt}
          storageKey="rounds-board:mine"
          showProject
          canSetDue={false}
        />
      ) : board.isError ? (
        <p className="form-alert" role="alert">
          {describeError(board.error)}
        </p>
      ) : (
        <p role="status">Loading your work…</p>
      )}
    </>
  );
}
