// A labelled name or PIN input. PINs are password inputs, so they never show on a projected
// screen, with a numeric keypad on touch screens.
import type { Signal } from '@preact/signals';

interface Props {
  id: string;
  label: string;
  value: Signal<string>;
  kind?: 'name' | 'current-pin' | 'new-pin';
  hint?: string;
}

export function Field({ id, label, value, kind = 'name', hint }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const common = {
    id,
    required: true,
    'aria-describedby': hintId,
    value: value.value,
    onInput: (event: Event) => (value.value = (event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {kind === 'name' ? (
        <input {...common} type="text" autoComplete="name" maxLength={120} />
      ) : (
        <input
          {...common}
          type="password"
          inputMode="numeric"
          autoComplete={kind === 'new-pin' ? 'new-password' : 'current-password'}
          maxLength={12}
        />
      )}
    </div>
  );
}
