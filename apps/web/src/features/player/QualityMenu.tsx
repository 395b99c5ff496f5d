import type { PlaybackSnapshot, QualityLevel } from './playback-snapshot';

function levelLabel(level: QualityLevel): string {
  return level.height > 0 ? `${level.height}p` : `${Math.round(level.bitrate / 1000)}k`;
}

/** The renditions, best first, with "Auto" naming the one playing. Hidden until the playlist is read. */
export function QualityMenu({
  snapshot,
  onChange,
}: {
  snapshot: PlaybackSnapshot;
  onChange: (level: number) => void;
}) {
  if (snapshot.levels.length === 0) return null;
  const active = snapshot.levels[snapshot.activeLevel];
  return (
    <label className="player-select">
      <span className="visually-hidden">Quality</span>
      <select
        value={snapshot.level}
        onChange={(event) => onChange(Number(event.target.value))}
        title="Quality"
      >
        <option value={-1}>Auto{active ? ` (${levelLabel(active)})` : ''}</option>
        {[...snapshot.levels]
          .sort((a, b) => b.height - a.height || b.bitrate - a.bitrate)
          .map((level) => (
            <option key={level.index} value={level.index}>
              {levelLabel(level)}
            </option>
          ))}
      </select>
    </label>
  );
}
