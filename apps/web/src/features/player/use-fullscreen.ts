import { useEffect, useState } from 'react';

/** Fullscreen for the element `target` returns, and whether the page is in fullscreen now. */
export function useFullscreen(target: () => HTMLElement | null) {
  const [isFullscreen, setIsFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => setIsFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else
      void target()
        ?.requestFullscreen?.()
        .catch(() => {});
  };
  return { isFullscreen, toggle };
}
