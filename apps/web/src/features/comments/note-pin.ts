/**
 * What a change to the note's text does to the frame it is pinned to: the first text typed pins it
 * (to the frame on screen, and playback pauses there); emptying the text lets it go, so the next note
 * pins afresh. Anything else keeps the pin, wherever the playhead moves.
 */
export function pinChange(before: string, after: string, pinned: boolean): 'pin' | 'release' | 'keep' {
  if (!pinned && after !== '') return 'pin';
  if (pinned && before !== '' && after === '') return 'release';
  return 'keep';
}
