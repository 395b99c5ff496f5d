import { useEffect, useRef } from 'react';
import { shortcuts } from './shortcuts';
import './shortcuts.css';

/** The `?` overlay: every player shortcut, inside the player so it shows in fullscreen too. */
export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div
      className="shortcuts-overlay"
      role="dialog"
      aria-modal="false"
      aria-labelledby="shortcuts-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="shortcuts-panel">
        <div className="shortcuts-head">
          <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="button button-small button-ghost" onClick={onClose}>
            Close
          </button>
        </div>
        <dl className="shortcuts-list">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.action} className="shortcut">
              <dt>
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{shortcut.action}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
