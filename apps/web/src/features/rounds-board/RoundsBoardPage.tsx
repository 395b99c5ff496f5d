import { can } from '@cutroom/policy';
import type { Project } from '@cutroom/contracts';
import { Link } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { useProjectRoom } from '../../lib/realtime/realtime-context';
import { WithProject } from '../projects/WithProject';
import { useProjectBoard } from './rounds-board-queries';
import { RoundsBoardView } from './RoundsBoardView';

function ProjectBoard({ project }: { project: Project }) {
  useProjectRoom(project.id);
  const board = useProjectBoard(project.id);
  return (
    <>
      <title>{`Rounds · ${project.name} · Cutroom`}</title>
      <div className="page-heading">
        <div>
          <p className="breadcrumb">
            <Link to="/">Projects</Link> / <Link to={`/projects/${project.id}`}>{project.name}</Link>
          </p>
          <h1>Rounds</h1>
          <p className="page-subtitle">Which cuts wait on whom, what is left to address, and what is due.</p>
        </div>
        <Link className="button" to={`/projects/${project.id}`}>
          Cuts
        </Link>
      </div>
      {board.data ? (
        <RoundsBoardView
          board={board.data}
          receivedAt={board.dataUpdatedAt}
          storageKey={`rounds-board:${project.id}`}
          showProject={false}
          canSetDue={can(project.role, 'assets.manage')}
        />
      ) : board.isError ? (
        <p className="form-alert" role="alert">
          {describeError(board.error)}
        </p>
      ) : (
        <p role="status">Loading rounds…</p>
      )}
    </>
  );
}

/** A project's rounds board, beside its grid of cuts. */
export function RoundsBoardPage() {
  return <WithProject>{(project) => <ProjectBoard project={project} />}</WithProject>;
}
