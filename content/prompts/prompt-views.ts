// Every prompt view the prompts' module can show, by name, with the props it takes. A feature
// asks for a view by name (PromptContext.show), so its trigger code stays in the small prompts
// script and its Preact component stays in the prompts' module (content/prompts-module.tsx), which
// loads only when a prompt is first shown. Props may carry callbacks: both run in the same
// content-script world.
import type { KeyStage } from '../../shared/policy-model';
import type { BlockItViews } from './block-it/block-it-views';
import type { CopyrightViews } from './copyright/copyright-views';
import type { ZipItViews } from './zip-it/zip-it-views';

/** What every view gets besides its own props. */
export interface ViewBase {
  keyStage: KeyStage;
  /** Closes this prompt (the view's buttons call it once their work is done). */
  close(): void;
}

/**
 * View name → its own props. Each feature exports a type of its own views (`{ 'zip-it': {...} }`)
 * and joins it here with `&`; its components go in content/prompts/view-registry.ts, where a name
 * without a component is a type error.
 */
export type PromptViewProps = ZipItViews & BlockItViews & CopyrightViews;

export type PromptViewName = keyof PromptViewProps & string;
