import type { Locator } from '@playwright/test';

/**
 * How many lines tall an element is: its height over the height the same element has holding a
 * single character (measured on a bare copy of it, in the same place). 1 means it did not wrap.
 */
export async function linesTall(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const probe = node.cloneNode(false) as HTMLElement;
    probe.textContent = '0';
    probe.style.visibility = 'hidden';
    probe.style.position = 'absolute';
    node.parentElement?.appendChild(probe);
    const single = probe.getBoundingClientRect().height;
    probe.remove();
    return Math.round((node.getBoundingClientRect().height / single) * 100) / 100;
  });
}
