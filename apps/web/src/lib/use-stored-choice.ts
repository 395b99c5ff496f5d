import { useState } from 'react';

function read<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const stored = window.localStorage.getItem(key);
    return allowed.find((choice) => choice === stored) ?? fallback;
  } catch {
    // Storage refused (private mode, quota): the choice lasts for this page only.
    return fallback;
  }
}

/** One of a few named choices, remembered in this browser (e.g. the grid's sort and view). */
export function useStoredChoice<T extends string>(
  key: string,
  allowed: readonly T[],
  fallback: T,
): [T, (choice: T) => void] {
  const [choice, setChoice] = useState<T>(() => read(key, allowed, fallback));
  const choose = (next: T) => {
    setChoice(next);
    try {
      window.localStorage.setItem(key, next);
    } catch {
      // Not remembered, but chosen.
    }
  };
  return [choice, choose];
}
