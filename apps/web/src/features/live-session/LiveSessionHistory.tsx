import type { Version } from '@cutroom/contracts';
import { Link } from 'react-router-dom';
import { describeError } from '../../lib/api-client';
import { timebaseOf } from '../player/timebase';
import { describeLogEntry, sessionSpan, useLiveSessionHistory } from './live-session-history';

/**
 * The cut's past live sessions, from its activity: who started each, who joined, left and took
 * over, and the frames where notes were posted during it (each opens the cut there).
 */
export function LiveSessionHistory({ assetId, versions }: { assetId: string; versions: readonly Version[] }) {
  const history = useLiveSessionHistory(assetId);
  if (!history.error && (history.data?.length ?? 0) === 0) return null;
  const timecodeOf = (versionNumber: number, frame: number) => {
    const version = versions.find((v) => v.number === versionNumber);
    return version ? timebaseOf(version.media).format.format(frame) : `frame ${frame}`;
  };
  return (
    <section className="panel live-session-history" aria-labelledby="live-sessions-heading">
      <h2 id="live-sessions-heading">Live sessions</h2>
      {history.error && (
        <p className="form-alert" role="alert">
          {describeError(history.error)}
        </p>
      )}
      {history.data?.map(({ seq, log }) => (
        <article
          key={seq}
          className="live-session-log"
          aria-label={`Live session by ${log.startedBy?.displayName ?? 'someone'}`}
        >
          <h3>
            Live session by {log.startedBy?.displayName ?? 'a former member'}
            <span className="live-session-when"> · {sessionSpan(log)}</span>
          </h3>
          {log.frames.length > 0 && (
            <ul className="live-session-frames" aria-label="Notes posted during the session">
              {log.frames.map((at) => (
                <li key={`${at.versionId}:${at.frame}`}>
                  <Link to={`?version=${at.versionNumber}&frame=${at.frame}`}>
                    v{at.versionNumber} {timecodeOf(at.versionNumber, at.frame)}
                  </Link>{' '}
                  {at.notes + (at.internalNotes ?? 0)} note
                  {at.notes + (at.internalNotes ?? 0) === 1 ? '' : 's'}
                  {(at.internalNotes ?? 0) > 0 && ` (${at.internalNotes} internal)`}
                </li>
              ))}
            </ul>
          )}
          <ol className="live-session-entries">
            {log.entries.map((entry, index) => (
              <li key={index}>
                <time dateTime={entry.at}>
                  {new Date(entry.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
                </time>{' '}
                {describeLogEntry(entry)}
              </li>
            ))}
            {log.entriesLeftOut > 0 && <li>…and {log.entriesLeftOut} more</li>}
          </ol>
        </article>
      ))}
    </section>
  );
}
