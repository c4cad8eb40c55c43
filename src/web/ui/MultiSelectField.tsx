import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';

/**
 * Several values of a long list (the languages a person speaks): a text box that filters the list as
 * one types, and the values chosen shown above it, each with its own remove button. It follows the
 * WAI-ARIA combobox pattern with a multi-selectable listbox: ↓/↑ open the list and move through the
 * options, Enter takes or leaves the one shown as active, Esc closes the list, and the focus stays in the text box
 * all along, so a screen reader hears the active option through aria-activedescendant. Neither
 * design-react-kit nor a dependency we have offers a multiple choice like this (the kit's
 * Autocomplete picks one value).
 */
export interface MultiSelectTexts {
  /** The name of the list of chosen values ("Lingue scelte"). */
  chosen: string;
  /** The remove button of one chosen value ("Togli arabo"). */
  remove: (label: string) => string;
  /** How many options match what was typed, said as the list changes. */
  matches: (count: number) => string;
  /** Said and shown when nothing matches. */
  noMatch: string;
}

type Option = { value: string; label: string };

/** Case and accents do not count when filtering: "e" finds "è", "ARA" finds "arabo". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export function MultiSelectField({
  id,
  label,
  hint,
  error,
  options,
  value,
  onChange,
  max,
  texts,
  className,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly Option[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** The most values that may be chosen (from the contract); the other options are then disabled. */
  max: number;
  texts: MultiSelectTexts;
  className?: string;
}) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const optionId = `${useId()}-option`;
  const listId = `${id}-listbox`;
  const filtered = useMemo(() => {
    const wanted = fold(query.trim());
    return wanted ? options.filter((o) => fold(o.label).includes(wanted)) : [...options];
  }, [options, query]);
  const labelOf = (code: string) => options.find((o) => o.value === code)?.label ?? code;
  const full = value.length >= max;

  useEffect(() => {
    if (open && active >= 0)
      document.getElementById(`${optionId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, optionId]);

  /**
   * A value taken goes after those already chosen (and one left keeps the others' order), so an
   * edit changes the stored list only where the user changed it, whatever the UI language's sorting.
   */
  function toggle(option: Option) {
    if (value.includes(option.value)) onChange(value.filter((v) => v !== option.value));
    else if (!full) onChange([...value, option.value]);
    else return;
    // The list closes after each choice, so it never lies over the rest of the form; typing or ↓
    // opens it again for the next value.
    setQuery('');
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = filtered.length - 1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        if (event.altKey) return;
      }
      setActive((current) =>
        event.key === 'ArrowDown' ? Math.min(current + 1, last) : Math.max(current - 1, 0),
      );
    } else if (event.key === 'Enter' && open && filtered[active]) {
      // Enter takes the active option; it must not submit the form around the field.
      event.preventDefault();
      toggle(filtered[active]);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (query) {
        setQuery('');
      }
    }
  }

  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`form-group multi-select ${className ?? ''}`}>
      <label id={`${id}-label`} htmlFor={id} className="active">
        {label}
      </label>
      {value.length > 0 && (
        <ul className="multi-select-chips" aria-label={texts.chosen}>
          {value.map((code) => (
            <li key={code} className="multi-select-chip">
              <span>{labelOf(code)}</span>
              <button
                type="button"
                aria-label={texts.remove(labelOf(code))}
                onClick={() => {
                  onChange(value.filter((v) => v !== code));
                  // The button is gone: the focus goes back to the text box, not to the page's top.
                  document.getElementById(id)?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="multi-select-control">
        <input
          id={id}
          type="text"
          role="combobox"
          className={`form-control${error ? ' is-invalid' : ''}`}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${optionId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setActive(event.target.value.trim() ? 0 : -1);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
        />
        <div
          id={listId}
          role="listbox"
          aria-labelledby={`${id}-label`}
          aria-multiselectable="true"
          className="multi-select-list"
          hidden={!open || filtered.length === 0}
        >
          {filtered.map((option, index) => {
            const chosen = value.includes(option.value);
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works from the combobox (aria-activedescendant)
              <div
                key={option.value}
                id={`${optionId}-${index}`}
                role="option"
                // Never focused itself: the combobox keeps the focus and points here (aria-activedescendant).
                tabIndex={-1}
                aria-selected={chosen}
                aria-disabled={!chosen && full ? true : undefined}
                className={index === active ? 'active' : undefined}
                // The text box keeps the focus while an option is clicked.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => toggle(option)}
              >
                {option.label}
              </div>
            );
          })}
        </div>
        {open && filtered.length === 0 && <p className="multi-select-empty">{texts.noMatch}</p>}
      </div>
      <div className="visually-hidden" role="status">
        {open ? (filtered.length === 0 ? texts.noMatch : texts.matches(filtered.length)) : ''}
      </div>
      {hint && (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
