// The card every prompt uses: a picture, a heading, a few words and big buttons. KS1 cards
// carry the same meaning in the picture and each button's icon, so a pupil who can't read yet
// can still choose; the words are there for the adult beside them and for screen readers.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface PromptAction {
  label: string;
  /** An SVG path on a 48×48 grid, drawn as a line icon. */
  icon: string;
  /** `safe`: the choice a prompt nudges towards (it takes focus); `flag`: Flag It. */
  style: 'safe' | 'other' | 'flag';
  /** May fail with a message for the pupil; the button is disabled while it runs. */
  onPress(): Promise<void> | void;
}

export function LineIcon({ path, class: className }: { path: string; class?: string }) {
  return (
    <svg class={className} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path
        d={path}
        fill="none"
        stroke="currentColor"
        stroke-width="4"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

let nextId = 0;

export function PromptCard(props: {
  /** Sets the card's colour: zip-it, block-it or copyright. */
  tone: string;
  keyStage: 'ks1' | 'ks2';
  picture: string;
  title: string;
  text: string;
  actions: PromptAction[];
  /** The failure message if an action fails. */
  failed: string;
  children?: ComponentChildren;
}) {
  const [id] = useState(() => `prompt-${++nextId}`);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const press = async (action: PromptAction) => {
    setBusy(true);
    setProblem('');
    try {
      await action.onPress();
    } catch {
      setProblem(props.failed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      class={`card ${props.tone} ${props.keyStage}`}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      tabIndex={-1}
    >
      <div class="head">
        <LineIcon class="picture" path={props.picture} />
        <h2 id={`${id}-title`}>{props.title}</h2>
      </div>
      <p id={`${id}-text`}>{props.text}</p>
      {props.children}
      <div class="buttons">
        {props.actions.map((action) => (
          <button
            type="button"
            class={action.style}
            disabled={busy}
            data-autofocus={action.style === 'safe' ? '' : undefined}
            onClick={() => void press(action)}
          >
            <LineIcon path={action.icon} />
            <span>{action.label}</span>
          </button>
        ))}
      </div>
      <p class="problem" role="alert">
        {problem}
      </p>
    </div>
  );
}
