// Zip It's one view, by name, with what its trigger code (zip-it-feature.ts) passes it. The
// component is in zip-it-card.tsx, in the prompts' module; this file is types only, so the
// trigger code names the view without loading Preact.
import type { ZipItDetail } from '../../../shared/zip-it/personal-data-detectors';

export interface ZipItViewProps {
  /** The kinds of detail found, in the order the card explains them. */
  details: readonly ZipItDetail[];
  /** "Don't send": records the choice; the card closes once it is kept. */
  onKeep(): Promise<void>;
  /** "My teacher said it's OK": records the choice; the send goes when the card has closed. */
  onTeacherSaidOk(): Promise<void>;
}

export type ZipItViews = { 'zip-it': ZipItViewProps };
