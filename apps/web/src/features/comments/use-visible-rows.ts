import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { rowOffsets, visibleRows, type RowWindow } from './visible-rows';

/** A thread's height before it has been drawn once: a short note with its byline and actions. */
const ESTIMATED_ROW_PX = 120;
/** Drawn beyond the screen's edge, so scrolling and Tab land on rows that are already there. */
const OVERSCAN_PX = 600;

/** The nearest ancestor that scrolls, or null for the page itself. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if ((overflowY === 'auto' || overflowY === 'scroll') && parent.scrollHeight > parent.clientHeight)
      return parent;
  }
  return null;
}

/** The part of the list on screen, from the list's top: clipped by what scrolls it and by the window. */
function viewOf(list: HTMLElement): { top: number; bottom: number } {
  const parent = scrollParent(list);
  const clip = parent?.getBoundingClientRect();
  const listTop = list.getBoundingClientRect().top;
  const top = Math.max(0, clip?.top ?? 0);
  const bottom = Math.min(innerHeight, clip?.bottom ?? innerHeight);
  return { top: Math.round(top - listTop), bottom: Math.round(bottom - listTop) };
}

/**
 * Windowing for a long list of rows of different heights (`ids`, in order): which rows to draw
 * (each drawn row carries `data-row-id`), and `reveal` to bring one into view. Follows whatever
 * scrolls the list — the notes column on a wide screen, the page on a narrow one. With `enabled`
 * false every row is drawn.
 */
export function useVisibleRows(ids: readonly string[], enabled: boolean) {
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [view, setView] = useState({ top: 0, bottom: 1200 });

  const offsets = rowOffsets(ids.map((id) => heights.get(id) ?? ESTIMATED_ROW_PX));
  const window: RowWindow = enabled
    ? visibleRows(offsets, view.top, view.bottom, OVERSCAN_PX)
    : { first: 0, end: ids.length, spaceBefore: 0, spaceAfter: 0 };
  const latest = useRef({ ids, offsets });
  useLayoutEffect(() => {
    latest.current = { ids, offsets };
  });

  useEffect(() => {
    if (!enabled || !list) return;
    let pending = 0;
    const readView = () => {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        const next = viewOf(list);
        setView((now) => (now.top === next.top && now.bottom === next.bottom ? now : next));
      });
    };
    // Drawn rows report their real height; the offsets of everything below follow.
    const sizes = new ResizeObserver((entries) => {
      const measured: [string, number][] = [];
      for (const entry of entries) {
        const row = entry.target as HTMLElement;
        // A row scrolled out of the window is reported as it leaves, at no height: it keeps its last.
        if (row.dataset.rowId && row.isConnected && row.offsetHeight > 0)
          measured.push([row.dataset.rowId, row.offsetHeight]);
      }
      setHeights((now) => {
        if (measured.every(([id, height]) => now.get(id) === height)) return now;
        const next = new Map(now);
        for (const [id, height] of measured) next.set(id, height);
        return next;
      });
      readView();
    });
    const observeRows = (nodes: Iterable<Node>) => {
      for (const node of nodes) if (node instanceof HTMLElement && node.dataset.rowId) sizes.observe(node);
    };
    observeRows(list.children);
    sizes.observe(list);
    const added = new MutationObserver((records) =>
      records.forEach((record) => {
        observeRows(record.addedNodes);
        record.removedNodes.forEach((node) => node instanceof HTMLElement && sizes.unobserve(node));
      }),
    );
    added.observe(list, { childList: true });
    // Capturing on the window hears every scroll, the notes column's included.
    addEventListener('scroll', readView, { capture: true, passive: true });
    addEventListener('resize', readView);
    readView();
    return () => {
      cancelAnimationFrame(pending);
      sizes.disconnect();
      added.disconnect();
      removeEventListener('scroll', readView, { capture: true });
      removeEventListener('resize', readView);
    };
  }, [enabled, list]);

  /** Scrolls to where the row is (drawing it), then centres it once it is drawn. */
  const reveal = (id: string) => {
    if (!list) return;
    const index = latest.current.ids.indexOf(id);
    if (index === -1) return;
    const drawn = () => [...list.children].find((row) => (row as HTMLElement).dataset.rowId === id);
    if (!drawn()) {
      const parent = scrollParent(list);
      const by =
        list.getBoundingClientRect().top +
        latest.current.offsets[index] -
        (parent?.getBoundingClientRect().top ?? 0);
      if (parent) parent.scrollTop += by;
      else scrollBy(0, by);
    }
    let tries = 0;
    const centre = () => {
      const row = drawn();
      if (row) row.scrollIntoView({ block: 'center' });
      else if (tries++ < 10) requestAnimationFrame(centre);
    };
    requestAnimationFrame(centre);
  };

  return { attachList: setList, window, reveal };
}
