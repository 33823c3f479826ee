import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import type { LengthCount } from './length-counter';

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  counter?: LengthCount | null;
  children: ReactNode;
}

function FieldFrame({ id, label, hint, error, counter, children }: FieldFrameProps) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <FieldCounter id={id} counter={counter} />
    </div>
  );
}

export function FieldCounter({ id, counter }: { id: string; counter?: LengthCount | null }) {
  if (!counter) return null;
  return (
    <p className={`field__counter${counter.over ? ' field__counter--over' : ''}`} id={`${id}-counter`}>
      {counter.text}
    </p>
  );
}

/** The error replaces the hint (a screen reader reads one description); the counter is read with either. */
export function describedBy(id: string, hint: unknown, error: string | undefined, counter?: LengthCount | null): string | undefined {
  const ids = [error ? `${id}-error` : hint ? `${id}-hint` : null, counter ? `${id}-counter` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: ReactNode;
  error?: string;
  counter?: LengthCount | null;
}

export function TextField({ label, hint, error, counter, id, ...input }: TextFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error} counter={counter}>
      <input
        id={fieldId}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error, counter)}
        {...input}
      />
    </FieldFrame>
  );
}

/**
 * A password input. `current`: the account's password, which password managers fill in; `new`: one being set, which
 * they offer to generate and save.
 */
export function PasswordField({ purpose, ...field }: Omit<TextFieldProps, 'type' | 'autoComplete'> & { purpose: 'current' | 'new' }) {
  return <TextField type="password" autoComplete={purpose === 'current' ? 'current-password' : 'new-password'} {...field} />;
}

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  hint?: ReactNode;
  error?: string;
}

export function TextAreaField({ label, hint, error, id, ...textarea }: TextAreaFieldProps) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} error={error}>
      <textarea
        id={fieldId}
        className="input input--area"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...textarea}
      />
    </FieldFrame>
  );
}
