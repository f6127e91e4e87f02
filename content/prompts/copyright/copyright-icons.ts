// The copyright reminders' pictures, as line paths on a 48×48 grid (PromptCard's LineIcon).

/** An open book: "say where you found it". */
export const BOOK_ICON =
  'M24 12 C18 8 12 8 6 10 V40 C12 38 18 38 24 42 C30 38 36 38 42 40 V10 C36 8 30 8 24 12 Z M24 12 V42';
/** A framed picture: pictures belong to the person who made them. */
export const PICTURE_ICON =
  'M6 10 H42 V38 H6 Z M6 32 L18 22 L28 30 L34 25 L42 32 M31 16 a3 3 0 1 0 0.01 0';
/** Two sheets: copy. */
export const COPY_ICON = 'M16 16 H40 V42 H16 Z M8 34 V6 H32';
/** A tick: OK. */
export const OK_ICON = 'M10 25 L20 35 L38 13';
