import { useEffect, useState, type RefObject } from 'react';
import { containedPictureRect, type PictureRect } from './picture-rect';

function samePictureRect(a: PictureRect | null, b: PictureRect | null): boolean {
  if (a === null || b === null) return a === b;
  return a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height;
}

/** The picture's rectangle inside the stage (letterboxing removed), at any player size and in fullscreen. */
export function usePictureRect(videoRef: RefObject<HTMLVideoElement | null>): PictureRect | null {
  const [rect, setRect] = useState<PictureRect | null>(null);
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const measure = () => {
      const inside = containedPictureRect(
        { width: video.clientWidth, height: video.clientHeight },
        { width: video.videoWidth, height: video.videoHeight },
      );
      const next = inside && {
        ...inside,
        left: inside.left + video.offsetLeft,
        top: inside.top + video.offsetTop,
      };
      setRect((current) => (samePictureRect(current, next) ? current : next));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(video);
    video.addEventListener('resize', measure);
    video.addEventListener('loadedmetadata', measure);
    return () => {
      observer.disconnect();
      video.removeEventListener('resize', measure);
      video.removeEventListener('loadedmetadata', measure);
    };
  }, [videoRef]);
  return rect;
}
