import type { ReactElement, ReactNode } from 'react';
import { cloneElement } from 'react';
import type { FieldError } from '@/lib/ui/settings-form';
import { useTranslator } from '@/lib/ui/use-translator';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: FieldError;
  /** The control; it gets the id, and is described by the hint and the error. */
  children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>;
}

/** A labelled control with its hint and its error, tied together for screen readers. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const { t } = useTranslator();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : undefined, hint ? hintId : undefined].filter(Boolean).join(' ');
  return (
    <div className="kw-field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {error ? (
        <p id={errorId} className="kw-error" data-field-error={id}>
          {t(error.key, error.params)}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="kw-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A group of controls (checkboxes) under one legend, with its error tied to the group. */
export function FieldSet({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: FieldError;
  children: ReactNode;
}) {
  const { t } = useTranslator();
  const describedBy = [error ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(' ');
  return (
    <fieldset
      id={id}
      className="kw-fieldset"
      aria-describedby={describedBy || undefined}
      aria-invalid={!!error || undefined}
    >
      <legend>{legend}</legend>
      {children}
      {error ? (
        <p id={`${id}-error`} className="kw-error" data-field-error={id}>
          {t(error.key, error.params)}
        </p>
      ) : null}
      {hint ? (
        <p id={`${id}-hint`} className="kw-hint">
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}
