// The copyright reminders' prompt views and their props (joined in
// content/prompts/prompt-views.ts). Types only: the components live in the prompts' module.
export type CopyrightViews = {
  /** "Remember to say where you found it", with a citation for this page to copy. */
  'copyright-citation': {
    /** The pupil copied the citation (the moment's outcome becomes citation-copied). */
    onCopied(): void;
  };
  /** "Pictures belong to the person who made them." */
  'copyright-image': Record<string, never>;
};
