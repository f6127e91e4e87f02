// A button that waits while any call is in flight. It uses aria-disabled rather than `disabled`
// because Chromium drops focus from a button that becomes disabled, which would strand a
// keyboard user at the top of the page after every click.
import type { ComponentChildren } from 'preact';
import { busy } from './session';

interface Props {
  children: ComponentChildren;
  onPress?: () => void;
  type?: 'button' | 'submit';
  variant?: 'primary' | 'secondary' | 'danger';
  describedBy?: string;
}

export function ActionButton({
  children,
  onPress,
  type = 'button',
  variant = 'secondary',
  describedBy,
}: Props) {
  return (
    <button
      type={type}
      class={`action ${variant}`}
      aria-disabled={busy.value ? 'true' : undefined}
      aria-describedby={describedBy}
      onClick={(event) => {
        if (busy.value) {
          event.preventDefault();
          return;
        }
        onPress?.();
      }}
    >
      {children}
    </button>
  );
}
