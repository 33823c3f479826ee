import type { ComponentProps } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

interface ButtonProps extends ComponentProps<'button'> {
  variant?: Variant;
  busy?: boolean;
  small?: boolean;
}

/**
 * A button that says when it is working and cannot be pressed twice meanwhile. While busy it is aria-disabled and
 * ignores clicks rather than disabled: a disabled button loses focus, and the person pressing it would land on <body>.
 * Pass `aria-disabled` (and no `onClick`) for a button unavailable for now that may hold the focus.
 */
export function Button({
  variant = 'secondary',
  busy = false,
  small = false,
  className,
  disabled,
  children,
  type = 'button',
  onClick,
  'aria-disabled': ariaDisabled,
  ...rest
}: ButtonProps) {
  const classes = ['button', `button--${variant}`, small ? 'button--small' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button
      type={type}
      className={classes}
      disabled={disabled && !busy}
      aria-disabled={busy || ariaDisabled || undefined}
      aria-busy={busy || undefined}
      // preventDefault: a busy submit button must not submit its form again (Enter in a field clicks it too).
      onClick={busy ? (event) => event.preventDefault() : onClick}
      {...rest}
    >
      {busy ? <span className="button__spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
