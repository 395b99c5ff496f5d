import type { Member } from '@cutroom/contracts';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { chooseMention, matchingMembers, mentionQueryAt } from './mentions';

interface MentionTextareaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  members: readonly Member[];
  placeholder?: string;
  autoFocus?: boolean;
  /** Lines shown before it scrolls (3 unless told). */
  rows?: number;
  /** Ctrl/⌘+Enter. */
  onSubmit?: () => void;
}

/** A comment field that offers project members after an `@`; arrows choose, Enter or Tab inserts. */
export function MentionTextarea({
  label,
  value,
  onChange,
  members,
  placeholder,
  autoFocus,
  rows = 3,
  onSubmit,
}: MentionTextareaProps) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const listId = useId();
  const query = mentionQueryAt(value, caret);
  const suggestions =
    query && query.start !== dismissedAt
      ? matchingMembers(
          members.map((member) => ({
            ...member,
            displayName: member.user.displayName,
            email: member.user.email,
          })),
          query.query,
        )
      : [];
  const open = suggestions.length > 0;
  const highlighted = Math.min(active, suggestions.length - 1);

  // Where the caret goes once the text with a chosen mention is on screen (before any further key).
  const caretAfterChoice = useRef<number | null>(null);
  useLayoutEffect(() => {
    const field = textareaRef.current;
    const at = caretAfterChoice.current;
    if (!field || at === null || field.value !== value) return;
    caretAfterChoice.current = null;
    field.focus();
    field.setSelectionRange(at, at);
  }, [value]);

  function choose(displayName: string) {
    const field = textareaRef.current;
    // The caret as it is now in the field, not as last rendered: only the @partial before it is replaced.
    const at = field ? field.selectionStart : caret;
    const next = chooseMention(field ? field.value : value, at, displayName);
    if (!next) return;
    caretAfterChoice.current = next.caret;
    onChange(next.text);
    setCaret(next.caret);
    setActive(0);
  }

  return (
    <div className="mention-field">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {label}
      </label>
      <textarea
        id={`${listId}-input`}
        ref={textareaRef}
        className="comment-textarea"
        value={value}
        placeholder={placeholder}
        autoFocus={autoFocus}
        rows={rows}
        maxLength={10_000}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${listId}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-option-${highlighted}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setDismissedAt(null);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={(event) => {
          if (open) {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              setActive((highlighted + step + suggestions.length) % suggestions.length);
              return;
            }
            if (event.key === 'Enter' || event.key === 'Tab') {
              event.preventDefault();
              choose(suggestions[highlighted].displayName);
              return;
            }
            if (event.key === 'Escape') {
              event.preventDefault();
              setDismissedAt(query?.start ?? null);
              return;
            }
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && onSubmit) {
            event.preventDefault();
            onSubmit();
          }
        }}
      />
      {open && (
        <ul className="mention-list" role="listbox" id={`${listId}-list`} aria-label="Mention a member">
          {suggestions.map((member, index) => (
            <li
              key={member.user.id}
              id={`${listId}-option-${index}`}
              role="option"
              aria-selected={index === highlighted}
              className="mention-option"
              onPointerDown={(event) => {
                event.preventDefault();
                choose(member.displayName);
              }}
            >
              {member.displayName} <span className="mention-email">{member.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
