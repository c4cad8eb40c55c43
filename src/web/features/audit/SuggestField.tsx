import { TextField, type TextFieldProps } from '../../ui/fields.js';

/**
 * A text field that proposes values as the DPO types (the browser's own list, `<datalist>`, so the
 * keyboard and screen readers work as with any suggestion list); any typed text is still allowed.
 */
export function SuggestField({
  suggestions,
  ...field
}: TextFieldProps & { id: string; suggestions: readonly { value: string; label?: string }[] }) {
  const listId = `${field.id}-suggestions`;
  return (
    <>
      <TextField {...field} list={listId} autoComplete="off" />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s.value} value={s.value} {...(s.label ? { label: s.label } : {})} />
        ))}
      </datalist>
    </>
  );
}
