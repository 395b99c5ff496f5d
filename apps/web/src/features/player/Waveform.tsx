import { useEffect, useRef } from 'react';
import { peaksPerColumn, waveformGain } from './waveform';

/** The sound under the timeline, drawn to fit its width (and redrawn when that changes). */
export function Waveform({ peaks }: { peaks: readonly number[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const draw = () => {
      const ratio = window.devicePixelRatio || 1;
      const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
      const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) return;
      context.clearRect(0, 0, width, height);
      context.fillStyle = getComputedStyle(canvas).color;
      const middle = height / 2;
      const scale = middle * waveformGain(peaks);
      peaksPerColumn(peaks, width).forEach(([low, high], x) => {
        const top = middle - high * scale;
        const bottom = middle - low * scale;
        context.fillRect(x, top, 1, Math.max(1, bottom - top));
      });
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [peaks]);

  return <canvas ref={canvasRef} className="waveform" aria-hidden="true" />;
}
