// A labelled one-line input bound to a signal. Usernames and passwords are typed exactly:
// no capitals or spelling fixes added by a touch keyboard.
import type { Signal } from '@preact/signals';

interface Props {
  id: string;
  label: string;
  value: Signal<string>;
  kind?: 'text' | 'username' | 'password' | 'new-password';
  maxLength: number;
}

export function TextField({ id, label, value, kind = 'text', maxLength }: Props) {
  const exact = kind !== 'text';
  const common = {
    id,
    required: true,
    maxLength,
    autoCapitalize: exact ? ('off' as const) : undefined,
    spellcheck: exact ? false : undefined,
    value: value.value,
    onInput: (event: Event) => (value.value = (event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {kind === 'password' || kind === 'new-password' ? (
        <input
          {...common}
          type="password"
          autoComplete={kind === 'password' ? 'current-password' : 'new-password'}
        />
      ) : (
        <input {...common} type="text" autoComplete={kind === 'username' ? 'username' : 'off'} />
      )}
    </div>
  );
}
