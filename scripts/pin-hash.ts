// Prints the hash of a teacher PIN for the managed policy's `teacherPinHash`, so the PIN itself
// never goes into Google Admin. Usage: npm run pin-hash -- 2468
import { hashPin } from '../shared/pin-hash';

const pin = process.argv[2] ?? '';
if (!/^\d{4,12}$/.test(pin)) {
  console.error('Give the PIN as 4 to 12 digits: npm run pin-hash -- 2468');
  process.exit(2);
}
console.log(await hashPin(pin));
