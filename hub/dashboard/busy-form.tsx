// The dashboard's forms: native validation off (each form says what is wrong in words), and a
// second submit ignored while a call is still running.
import type { ComponentChildren } from 'preact';
import { busy } from './session';

interface Props {
  onSubmit: () => Promise<void>;
  children: ComponentChildren;
  labelledBy?: string;
}

export function BusyForm({ onSubmit, children, labelledBy }: Props) {
  return (
    <form
      noValidate
      aria-labelledby={labelledBy}
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy.value) void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
