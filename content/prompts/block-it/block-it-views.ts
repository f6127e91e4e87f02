// Block It's prompt views and their props (joined in content/prompts/prompt-views.ts). Types
// only: the components live in the prompts' module.
export type BlockItKind = 'link' | 'attachment';

export type BlockItViews = {
  /** "Block it!" before a link in a message, or an attachment, leaves for an unapproved site. */
  'block-it': {
    kind: BlockItKind;
    /** Where the link leads, shown as text. */
    targetHost: string;
    /** Flag It: may fail, and the card then says so. */
    onFlag(): Promise<void>;
  };
};
