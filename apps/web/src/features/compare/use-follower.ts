import { useEffect } from 'react';
import type { PlaybackEngine } from '../player/playback-engine';
import type { PlaybackSnapshot } from '../player/playback-snapshot';
import { followStep } from './follow-step';

/** Keeps picture B on the frame that matches picture A (see followStep), with B's own engine. */
export function useFollower(
  leader: PlaybackSnapshot,
  follower: PlaybackEngine<HTMLVideoElement>,
  followerSnapshot: PlaybackSnapshot,
  target: number | null,
) {
  const playAlong = leader.playing && leader.shuttle === 0 && leader.speed === 1;
  const followerPlaying = followerSnapshot.playing || followerSnapshot.shuttle !== 0;
  const followerFrame = followerSnapshot.frame;

  useEffect(() => {
    const step = followStep({
      target,
      playAlong,
      followerPlaying,
      followerPlayhead: follower.playheadFrame,
      followerFrame,
    });
    if (step.pause) follower.pause();
    if (step.seek !== null) follower.seekToFrame(step.seek);
    if (step.play) follower.play();
  }, [follower, target, playAlong, followerPlaying, followerFrame]);
}
