// Block It's pictures, as line paths on a 48×48 grid (PromptCard's LineIcon draws them). KS1
// pupils read the picture and each button's icon, not the words.

/** A stop sign with "!": the card's picture. */
export const STOP_ICON = 'M17 4 H31 L44 17 V31 L31 44 H17 L4 31 V17 Z M24 13 V27 M24 34 V35';
/** A house: "Stay here". */
export const STAY_ICON = 'M6 24 L24 8 L42 24 M11 20 V42 H37 V20 M20 42 V30 H28 V42';
/** A flag: Flag It, as on the keyword prompt and the block page. */
export const FLAG_ICON = 'M12 6 V44 M12 8 C20 3 26 13 38 8 V26 C26 31 20 21 12 26';
/** A shield with a cross: blocking someone. */
export const SHIELD_ICON =
  'M24 4 L40 10 V22 C40 33 33 40 24 44 C15 40 8 33 8 22 V10 Z M18 18 L30 30 M30 18 L18 30';
/** A cross: hide or close. */
export const CLOSE_ICON = 'M12 12 L36 36 M36 12 L12 36';
