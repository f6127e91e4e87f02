// The prompts' styles, in the shadow root only. `all: initial` on the host keeps the page's CSS
// out; sizes are in rem of the prompt's own root font size, not the page's.
export const PROMPT_CSS = `
  :host { all: initial; }
  .layer { font: 1.15rem/1.4 system-ui, 'Segoe UI', Roboto, sans-serif; color: #1f2937; }
  .layer.modal {
    position: fixed; inset: 0; z-index: 2147483647; display: grid; place-items: center;
    background: rgb(15 23 42 / 55%); padding: 1rem;
  }
  .layer.corner {
    position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483647;
    max-width: min(28rem, calc(100vw - 2rem));
  }
  .card {
    box-sizing: border-box; max-width: min(34rem, calc(100vw - 2rem));
    padding: 1.25rem; border-radius: 1rem; border: 3px solid var(--tone, #1d4ed8);
    background: #fff; box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 30%); text-align: left;
  }
  .card:focus { outline: 4px solid #ffbf47; outline-offset: 3px; }
  .card.zip-it { --tone: #b45309; }
  .card.block-it { --tone: #b91c1c; }
  .card.copyright { --tone: #1d4ed8; }
  .head { display: flex; align-items: center; gap: 0.75rem; margin: 0 0 0.5rem; }
  .picture { width: 3.5rem; height: 3.5rem; flex: none; color: var(--tone, #1d4ed8); }
  .ks1 .picture { width: 5rem; height: 5rem; }
  h2 { font-size: 1.5rem; margin: 0; }
  p { margin: 0 0 1rem; }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 0.5rem; }
  button, .button {
    display: inline-flex; align-items: center; justify-content: center; gap: 0.5rem;
    min-height: 64px; min-width: 64px; padding: 0.5rem 1.25rem; border-radius: 1rem;
    border: 3px solid var(--tone, #1d4ed8); font: 600 1.2rem system-ui, sans-serif;
    cursor: pointer; background: #fff; color: #1f2937; text-decoration: none;
  }
  button.safe { background: var(--tone, #1d4ed8); color: #fff; }
  button.flag { background: #5b3d8a; border-color: #5b3d8a; color: #fff; }
  .ks1 button { min-height: 88px; min-width: 88px; font-size: 1.35rem; }
  button:focus-visible, .button:focus-visible { outline: 4px solid #ffbf47; outline-offset: 3px; }
  button:disabled { opacity: 0.6; cursor: progress; }
  button svg { width: 2rem; height: 2rem; flex: none; }
  .ks1 button svg { width: 2.75rem; height: 2.75rem; }
  .problem { color: #7f1d1d; font-weight: 600; margin: 0.75rem 0 0; }
  .problem:empty { display: none; }
  .note { font-size: 1rem; color: #374151; }
  textarea, .citation {
    box-sizing: border-box; width: 100%; font: 1rem/1.4 system-ui, sans-serif;
    padding: 0.5rem; border: 2px solid #6b7280; border-radius: 0.5rem; background: #f9fafb;
    color: #1f2937;
  }
  .zip-it-reasons { margin: 0 0 1rem; padding-left: 1.25rem; }
  .zip-it-reasons li { margin: 0 0 0.4rem; }
  .zip-it-pictures {
    display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0 0 1rem; padding: 0;
  }
  .zip-it-pictures li {
    display: flex; flex-direction: column; align-items: center; gap: 0.25rem; min-width: 5rem;
    font-weight: 600; color: var(--tone, #1d4ed8);
  }
  .zip-it-pictures svg { width: 3.5rem; height: 3.5rem; }
`;
