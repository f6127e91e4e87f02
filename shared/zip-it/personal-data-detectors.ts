// What Zip It looks for in what a pupil is about to send: which kinds of personal detail are in
// it, never the detail itself. Pure, so the table in test/shared/zip-it-table.ts can pin down
// what must and must not stop a send.
import type { PupilEventDetail } from '../pupil-event';
import { hasOwnBirthDate, isBirthField, isBirthFieldValue } from './birth-date';
import { hasFullName, hasSchoolName } from './own-names';
import { hasPhoneNumber } from './phone';
import { hasPostcode } from './postcode';
import { hasStreetAddress } from './street-address';

export type ZipItDetail = PupilEventDetail<'zip-it'>;

/** In the order the prompt explains them; shared/pupil-event.ts lists the same details. */
export const ZIP_IT_DETAILS = [
  'name',
  'address',
  'postcode',
  'phone',
  'email',
  'birth-date',
  'school',
  'password',
] as const satisfies readonly ZipItDetail[];

/** Who this pupil is, from the school's settings: what counts as their own name and school. */
export interface ZipItPerson {
  pupilName: string | null;
  schoolName: string | null;
}

/** One field of what is being sent. */
export interface SentField {
  /** What is in it now. */
  value: string;
  /** Its name, id, autocomplete and label, which tell a date-of-birth field. */
  hints: string;
  /** An `<input type=password>`. */
  password: boolean;
}

// Only from the start of a run of address characters, with bounded parts, so a long run of
// letters with no @ is read once rather than once per letter.
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}-])/u;

/** The kinds of personal detail in free text. */
export function detectInText(text: string, person: ZipItPerson): Set<ZipItDetail> {
  const found = new Set<ZipItDetail>();
  if (hasFullName(text, person.pupilName)) found.add('name');
  if (hasStreetAddress(text)) found.add('address');
  if (hasPostcode(text)) found.add('postcode');
  if (hasPhoneNumber(text)) found.add('phone');
  if (EMAIL.test(text)) found.add('email');
  if (hasOwnBirthDate(text)) found.add('birth-date');
  if (hasSchoolName(text, person.schoolName)) found.add('school');
  return found;
}

/**
 * The kinds of personal detail in the fields being sent, in ZIP_IT_DETAILS order.
 * `signInSite`: the page is on a site the school approved for signing in. A password there is
 * expected, and so is the account name (an email address, the pupil's name) signed in with it.
 */
export function detectPersonalData(
  fields: readonly SentField[],
  person: ZipItPerson,
  options: { signInSite: boolean },
): ZipItDetail[] {
  const found = new Set<ZipItDetail>();
  const typed: string[] = [];
  let signingIn = false;
  for (const field of fields) {
    if (field.value.trim() === '') continue;
    if (field.password) {
      // A password is only ever a password: its characters are not read for anything else.
      signingIn = true;
      if (!options.signInSite) found.add('password');
      continue;
    }
    typed.push(field.value);
    if (isBirthField(field.hints) && isBirthFieldValue(field.value)) found.add('birth-date');
  }
  // Read together, so a name asked for in two fields ("First name", "Last name") is still a
  // full name; a line break between them keeps numbers in two fields from joining up.
  for (const detail of detectInText(typed.join('\n'), person)) found.add(detail);
  if (signingIn && options.signInSite) {
    found.delete('email');
    found.delete('name');
  }
  return ZIP_IT_DETAILS.filter((detail) => found.has(detail));
}
