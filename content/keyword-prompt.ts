// The gentle prompt after a keyword match: "Are you OK? You can flag it." It sits in a closed
// shadow root, so the page can neither read nor restyle it, and takes focus so a keyboard or
// switch user meets it at once; Escape or "I'm OK" puts it away and focus back where it was.
// chrome.i18n directly, not the polyfill: this is all the injected script holds.
import { attachClosedShadow } from './closed-shadow';

const text = (key: string) => chrome.i18n.getMessage(key) || key;

const FLAG_ICON = 'M12 6 V44 M12 8 C20 3 26 13 38 8 V26 C26 31 20 21 12 26';
const SMILE_ICON = 'M24 3 a21 21 0 1 0 0.01 0 Z M15 28 Q24 38 33 28 M17 18 v2 M31 18 v2';

// Styles in a constructed sheet: a page's Content-Security-Policy can't refuse it.
const CSS = `
  :host { all: initial; }
  .prompt {
    position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483647;
    max-width: min(26rem, calc(100vw - 2rem)); box-sizing: border-box;
    padding: 1.25rem; border-radius: 1rem; border: 3px solid #5b3d8a;
    background: #f5f0fb; color: #1f2937; box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 30%);
    font: 1.15rem/1.4 system-ui, 'Segoe UI', Roboto, sans-serif; text-align: left;
  }
  .prompt:focus { outline: 4px solid #ffbf47; outline-offset: 3px; }
  h2 { font-size: 1.5rem; margin: 0 0 0.25rem; }
  p { margin: 0 0 1rem; }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; }
  button {
    display: inline-flex; align-items: center; justify-content: center; gap: 0.5rem;
    min-height: 64px; min-width: 64px; padding: 0.5rem 1.25rem; border-radius: 1rem;
    border: 3px solid #5b3d8a; font: 600 1.2rem system-ui, sans-serif; cursor: pointer;
    background: #fff; color: #5b3d8a;
  }
  button.flag { background: #5b3d8a; color: #fff; }
  button:focus-visible { outline: 4px solid #ffbf47; outline-offset: 3px; }
  button:disabled { opacity: 0.6; cursor: progress; }
  svg { width: 2rem; height: 2rem; flex: none; }
  .problem { color: #7f1d1d; font-weight: 600; margin: 0.75rem 0 0; }
  .problem:empty { display: none; }
`;

function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 48 48');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shape = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  shape.setAttribute('d', path);
  shape.setAttribute('fill', 'none');
  shape.setAttribute('stroke', 'currentColor');
  shape.setAttribute('stroke-width', '4');
  shape.setAttribute('stroke-linecap', 'round');
  svg.append(shape);
  return svg;
}

function button(label: string, iconPath: string, className: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  const words = document.createElement('span');
  words.textContent = label;
  element.append(icon(iconPath), words);
  return element;
}

/**
 * Shows the prompt; `flag` asks the worker to flag this tab (which then leaves the page).
 * Returns its host element, which is gone from the page once the pupil puts the prompt away.
 */
export function showKeywordPrompt(flag: () => Promise<void>): HTMLElement {
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const host = document.createElement('div');
  const shadow = attachClosedShadow(host, CSS);

  const prompt = document.createElement('div');
  prompt.className = 'prompt';
  prompt.setAttribute('role', 'dialog');
  prompt.setAttribute('aria-labelledby', 'keyword-prompt-title');
  prompt.setAttribute('aria-describedby', 'keyword-prompt-text');
  prompt.tabIndex = -1;
  const title = document.createElement('h2');
  title.id = 'keyword-prompt-title';
  title.textContent = text('keyword_prompt_title');
  const words = document.createElement('p');
  words.id = 'keyword-prompt-text';
  words.textContent = text('keyword_prompt_text');
  const flagButton = button(text('flag_it'), FLAG_ICON, 'flag');
  const okButton = button(text('keyword_prompt_ok'), SMILE_ICON, 'ok');
  const buttons = document.createElement('div');
  buttons.className = 'buttons';
  buttons.append(flagButton, okButton);
  const problem = document.createElement('p');
  problem.className = 'problem';
  problem.setAttribute('role', 'alert');
  prompt.append(title, words, buttons, problem);
  shadow.append(prompt);

  const dismiss = () => {
    host.remove();
    returnTo?.focus();
  };
  okButton.addEventListener('click', dismiss);
  prompt.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      dismiss();
    }
  });
  flagButton.addEventListener('click', () => {
    flagButton.disabled = true;
    problem.textContent = '';
    flag().catch(() => {
      flagButton.disabled = false;
      problem.textContent = text('flag_failed');
    });
  });

  document.documentElement.append(host);
  // The prompt itself takes focus, not a button: a pupil still typing can't press one by chance.
  prompt.focus();
  return host;
}
