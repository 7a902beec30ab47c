import type { FieldError } from '@/lib/ui/settings-form';
import { Field } from './field';

/** A list the user types one entry a line (addresses, domains): their own data, never spell-checked or translated. */
export function ListField(props: {
  id: string;
  label: string;
  hint: string;
  error: FieldError | undefined;
  rows: number;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <textarea
        rows={props.rows}
        spellCheck={false}
        translate="no"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Field>
  );
}
