import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Tab {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

/**
 * The review page's side column as tabs (Notes, Details). Every panel stays mounted, so a draft or
 * a reply being written survives a switch; arrow keys move between tabs, as WAI-ARIA tabs do.
 */
export function SideTabs({
  tabs,
  label,
  selected: chosen,
  onSelect,
}: {
  tabs: readonly Tab[];
  label: string;
  /** Controlled by the page (kept when the version changes); uncontrolled without. */
  selected?: string;
  onSelect?: (id: string) => void;
}) {
  const [own, setOwn] = useState(tabs[0]?.id);
  const selected = chosen ?? own;
  const setSelected = (id: string) => {
    setOwn(id);
    onSelect?.(id);
  };
  const baseId = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const choose = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    setSelected(tab.id);
    buttons.current.get(tab.id)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (event.key === 'ArrowRight') choose(index + 1);
    else if (event.key === 'ArrowLeft') choose(index - 1);
    else if (event.key === 'Home') choose(0);
    else if (event.key === 'End') choose(tabs.length - 1);
    else return;
    event.preventDefault();
  };
  return (
    <div className="side-tabs">
      <div className="side-tab-list" role="tablist" aria-label={label}>
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${tab.id}`}
            className="side-tab"
            aria-selected={selected === tab.id}
            aria-controls={`${baseId}-panel-${tab.id}`}
            tabIndex={selected === tab.id ? 0 : -1}
            data-testid={`side-tab-${tab.id}`}
            onClick={() => setSelected(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${baseId}-panel-${tab.id}`}
          className="side-tab-panel"
          aria-labelledby={`${baseId}-tab-${tab.id}`}
          hidden={selected !== tab.id}
          data-testid={`side-panel-${tab.id}`}
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}
