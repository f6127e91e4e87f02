// The options page's forms: native validation off (each form says what is wrong in words), and
// a second submit ignored while a call is still running.
import type { ComponentChildren } from 'preact';
import { busy } from './session';

export function BusyForm(props: { onSubmit: () => Promise<void>; children: ComponentChildren }) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy.value) void props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

/** An error for the person at the keyboard, announced as soon as it appears. */
export function ErrorText({ message }: { message: string | null | undefined }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}
