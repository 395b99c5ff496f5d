import { useQuery } from '@tanstack/react-query';
import { parseStoryboardVtt, type StoryboardCue } from './storyboard';
import { readWaveformPeaks } from './waveform';

// Storyboards and waveforms are extras: when one is missing (not made yet, or never), the player does without.

async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { credentials: 'same-origin', signal });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

export function useStoryboard(url: string | null) {
  return useQuery({
    queryKey: ['media', 'storyboard', url],
    enabled: url !== null,
    staleTime: Infinity,
    retry: false,
    queryFn: async ({ signal }): Promise<StoryboardCue[]> => {
      const absolute = new URL(url as string, window.location.href).href;
      return parseStoryboardVtt(await fetchText(absolute, signal), absolute);
    },
  });
}

export function useWaveform(url: string | null) {
  return useQuery({
    queryKey: ['media', 'waveform', url],
    enabled: url !== null,
    staleTime: Infinity,
    retry: false,
    queryFn: async ({ signal }): Promise<number[] | null> => {
      const text = await fetchText(url as string, signal);
      try {
        return readWaveformPeaks(JSON.parse(text));
      } catch {
        return null;
      }
    },
  });
}
