// Realistic things pupils type, and whether Zip It must stop them. One line each: what was
// typed, the kinds of personal detail it must find (empty: it must send without a prompt), and
// why. The pupil in these rows is Zoë Olivia Brown at Oakfield Primary School (ZIP_IT_PERSON).
// Most rows are near-misses that must NOT prompt: a Zip It that cries wolf over maths answers
// teaches pupils to click "My teacher said it's OK" without reading.
import type {
  SentField,
  ZipItDetail,
  ZipItPerson,
} from '../../shared/zip-it/personal-data-detectors';

export const ZIP_IT_PERSON: ZipItPerson = {
  pupilName: 'Zoë Olivia Brown',
  schoolName: 'Oakfield Primary School',
};

export interface ZipItTextCase {
  text: string;
  found: ZipItDetail[];
  why: string;
}

const stops = (text: string, found: ZipItDetail[], why: string): ZipItTextCase => ({
  text,
  found,
  why,
});
const sends = (text: string, why: string): ZipItTextCase => ({ text, found: [], why });

export const ZIP_IT_TEXT_CASES: readonly ZipItTextCase[] = [
  // Postcodes: every format, any case, with or without the space
  stops('SW1A 1AA', ['postcode'], 'AA9A 9AA, the classic'),
  stops('my postcode is m1 1ae', ['postcode'], 'A9 9AA in lower case'),
  stops('B33 8TH', ['postcode'], 'A99 9AA'),
  stops('i live in cr2 6xh', ['postcode'], 'AA9 9AA'),
  stops('DN55 1PT', ['postcode'], 'AA99 9AA'),
  stops('W1A 0AX', ['postcode'], 'A9A 9AA'),
  stops('EC1A 1BB', ['postcode'], 'AA9A 9AA'),
  stops('GIR 0AA', ['postcode'], 'the Girobank oddity'),
  stops('ls11ab', ['postcode'], 'no space, lower case'),
  stops('SW1A1AA', ['postcode'], 'no space, capitals'),
  stops('come to NE1 4ST tomorrow', ['postcode'], 'capitals: an inward 4ST is a postcode'),
  stops('b33 8th', ['postcode'], 'a longer outward code is not a grid square'),
  stops('Postcode: OX49 5NU.', ['postcode'], 'with a full stop after it'),
  sends('A1', 'a bare outward code (a paper size, a grid square)'),
  sends('The answer to B12 is 47', 'an outward-looking label in maths'),
  sends('go to square B2 2nd', 'a grid square then an ordinal'),
  sends('e1 1st', 'lower case grid square and an ordinal'),
  sends('b2 - 4ac', 'the discriminant'),
  sends('b2 4ac', 'the discriminant without the minus'),
  sends('meet at 5pm or 9am', 'times: inward codes never use M'),
  sends('A4 paper and A3 paper', 'paper sizes'),
  sends('x2 3ab', 'algebra: no postcode starts with X'),
  sends('Sw1A1aA', 'mixed case with no space is not typed like a postcode'),

  // Phone numbers: mobiles and landlines, UK formats
  stops('07700 900123', ['phone'], 'mobile, 5+6'),
  stops('07700900123', ['phone'], 'mobile, no spaces'),
  stops('077 0090 0123', ['phone'], 'mobile, odd grouping'),
  stops('07700-900-123', ['phone'], 'mobile with dashes'),
  stops('+44 7700 900123', ['phone'], 'mobile, international'),
  stops('+447700900123', ['phone'], 'mobile, international, no spaces'),
  stops('0044 7700 900 123', ['phone'], 'mobile, 0044'),
  stops('ring me on 020 7946 0000 after school', ['phone'], 'London landline'),
  stops('(020) 7946 0000', ['phone'], 'brackets round the area code'),
  stops('+44 (0)20 7946 0000', ['phone'], 'the "(0)" habit'),
  stops('01632 960001', ['phone'], '01 landline, 5+6'),
  stops('0161 496 0000', ['phone'], 'Manchester landline'),
  stops('016977 4567', ['phone'], 'a ten-digit 01 landline'),
  stops('0300 123 4567', ['phone'], '03 number'),
  stops('my number:07700900123', ['phone'], 'straight after a colon'),
  sends('12 x 34 = 408', 'a times-table answer'),
  sends('1234 + 5678 = 6912', 'a long sum'),
  sends('0123 - 4567 - 890', 'a subtraction: spaced dashes are maths, not a phone number'),
  sends('0.07700900123', 'a decimal'),
  sends('3.01234567890', 'a decimal after a whole number'),
  sends('01234567890.5', 'a number with a decimal part'),
  sends('0 1 2 3 4 5 6 7 8 9', 'counting from 0'),
  sends('2019 2020 2021 2022', 'a list of years'),
  sends('ISBN 0-14-103614-4', 'an ISBN'),
  sends('isbn:0141036144', 'an ISBN written without dashes'),
  sends('978-0-14-103614-4', 'an ISBN-13'),
  sends('the train leaves at 07:30 and arrives at 10:15', 'times'),
  sends('01/02/2023', 'a date'),
  sends('read pages 12-34 and 56-78', 'page numbers'),
  sends('12345678901', 'a long number that does not start with 0'),
  sends('0770090012', 'a mobile number one digit short'),
  sends('077009001234', 'a mobile number one digit long'),
  sends('+33 1 23 45 67 89', 'a French number is not a UK number'),
  sends('0800 123 4567', 'a free helpline to call, not a home number'),
  sends('3 x 0.5 = 1.5', 'decimals in a sum'),
  sends('100000000000000000000000000000000000000000', 'a very long number'),

  // Email addresses
  stops('star.gamer99@example.com', ['email'], 'an email address'),
  stops('zoe.brown@example.com', ['name', 'email'], 'an email address made of her name'),
  stops('email me at ZOE_B123@Example.co.uk', ['email'], 'any case, country domain'),
  stops('zoe+games@mail.example.org please', ['email'], 'plus addressing'),
  sends('@zoe hi', 'a mention'),
  sends('me@home', 'no domain'),
  sends('2 @ 5p each', 'an "at" in a shopping sum'),

  // Street addresses
  stops('12 Oak Road', ['address'], 'number, name, Road'),
  stops('i live at 45a high st', ['address'], 'lower case, 45a, st'),
  stops('Flat 3, 27 Station Street', ['address'], 'a flat in a street'),
  stops('7 Church Way', ['address'], 'Way, in capitals'),
  stops('my house is 4 elm close', ['address'], 'Close after an address cue'),
  stops('22 Primrose Gardens', ['address'], 'Gardens'),
  stops('3 St Mary’s Crescent', ['address'], 'a saint and a curly apostrophe'),
  stops('108 Long Lane', ['address'], 'Lane'),
  stops('9 tanners mews', ['address'], 'Mews, lower case'),
  stops('1 Harbour View', ['address'], 'View, in capitals'),
  stops('I live at Rose Cottage', ['address'], 'a named house'),
  stops('come round to 16 victoria avenue', ['address'], 'Avenue in lower case'),
  sends('3 road signs', 'the street word starts the phrase'),
  sends('I saw 5 cars on the road', 'little words before the street word'),
  sends('we walked 3 km down Long Lane', 'a distance, not a house number'),
  sends('my 2 dogs way bigger than yours', 'way as an everyday word'),
  sends('there are 4 green parks', 'plural, lower case'),
  sends('it was 2 points close', 'close as an everyday word'),
  sends('Chapter 3 The Road', 'a chapter title'),
  sends('2 steep hills', 'hills, lower case'),
  sends('I live in a house', 'no house name'),
  sends('Year 5 Maple Class', 'a class name'),

  // The pupil's own full name (first name alone is not enough)
  stops('Hi, I am Zoe Brown', ['name'], 'first and last name, no accent'),
  stops('ZOË OLIVIA BROWN', ['name'], 'the whole name in capitals'),
  stops('zoë   brown', ['name'], 'extra spaces'),
  sends('Zoe says hi', 'first name alone'),
  sends('Zoe Browne', 'a different surname'),
  sends('Brown bears', 'the surname as an ordinary word'),
  sends('Zoebrown', 'not whole words'),

  // Date of birth: only the pupil's own
  stops('my birthday is 3rd May', ['birth-date'], 'own birthday, day and month'),
  stops('I was born on 03/05/2016', ['birth-date'], 'own birth date, numeric'),
  stops("it's my birthday on the 5th of June", ['birth-date'], 'the 5th of June'),
  stops('DOB: 2016-05-03', ['birth-date'], 'ISO date after DOB'),
  stops('my bday is 12/5', ['birth-date'], 'day/month after my bday'),
  stops('Birthday: May 3rd 2016', ['birth-date'], 'a label and a date'),
  sends('William was born on 14 October 1066', 'history homework: someone else'),
  sends('Due 3/5/2024', 'a due date'),
  sends('my birthday is in May', 'a month alone'),
  sends('My birthday party is on Saturday', 'no date'),
  sends('The Queen’s birthday is 21 April', 'someone else’s birthday'),
  sends('On 3rd May we went to the zoo', 'an ordinary date'),

  // The school's name
  stops('I go to Oakfield Primary School', ['school'], 'the whole name'),
  stops('oakfield primary rocks', ['school'], 'without "School", lower case'),
  sends('Oakfield is a nice village', 'one word of it: a place'),
  sends('my primary school is great', 'general words only'),

  // Several at once, and ordinary chat that must pass
  stops(
    'I am Zoe Brown, 12 Oak Road, SW1A 1AA, 07700 900123',
    ['name', 'address', 'postcode', 'phone'],
    'the lot: each kind once, in order',
  ),
  stops('Oakfield Primary, email zoe@example.com', ['email', 'school'], 'school and email'),
  sends('What is 7 x 8?', 'a question'),
  sends('The answer is 56', 'an answer'),
  sends('I like pizza and my dog is called Max', 'chat with nothing personal'),
  sends('lol 😂 see you at 3', 'emoji and a time'),
  sends('The population of the UK is 67,000,000', 'a big number with commas'),
  sends('Area = 12.5 cm² and perimeter = 30 cm', 'measurements'),
  sends('Score: 1000000 points!', 'a score'),
  sends('', 'nothing'),
];

export interface ZipItFieldCase {
  fields: SentField[];
  /** True on a site the school approved for signing in. */
  signInSite: boolean;
  found: ZipItDetail[];
  why: string;
}

const field = (value: string, hints = '', password = false): SentField => ({
  value,
  hints,
  password,
});

export const ZIP_IT_FIELD_CASES: readonly ZipItFieldCase[] = [
  {
    fields: [field('3', 'bday-day'), field('5', 'bday-month'), field('2016', 'bday-year')],
    signInSite: false,
    found: ['birth-date'],
    why: 'date-of-birth parts in fields the autocomplete names',
  },
  {
    fields: [field('03/05/2016', 'dateOfBirth')],
    signInSite: false,
    found: ['birth-date'],
    why: 'a camel-case field name',
  },
  {
    fields: [field('2016-05-03', 'user_dob Date of birth')],
    signInSite: false,
    found: ['birth-date'],
    why: 'a field named user_dob',
  },
  {
    fields: [field('London', 'place_of_birth')],
    signInSite: false,
    found: [],
    why: 'a place of birth is not a date',
  },
  {
    fields: [field('03/05/2016', 'homework_due')],
    signInSite: false,
    found: [],
    why: 'a date in a field that is not about birth',
  },
  {
    fields: [field('zoe@example.com', 'email username'), field('hunter2', 'password', true)],
    signInSite: false,
    found: ['email', 'password'],
    why: 'signing in on a site not approved for it',
  },
  {
    fields: [field('hunter2', 'password', true)],
    signInSite: true,
    found: [],
    why: 'a password on an approved sign-in site',
  },
  {
    fields: [field('zoe.brown@example.com', 'email'), field('hunter2', 'password', true)],
    signInSite: true,
    found: [],
    why: 'signing in with her own email on an approved sign-in site',
  },
  {
    fields: [field('zoe.brown@example.com', 'email'), field('12 Oak Road', 'address')],
    signInSite: true,
    found: ['name', 'address', 'email'],
    why: 'no password: a form on a sign-in site that is not signing in',
  },
  {
    fields: [field('', 'password', true)],
    signInSite: false,
    found: [],
    why: 'an empty password field sends nothing',
  },
  {
    fields: [field('07700900123', 'password', true)],
    signInSite: true,
    found: [],
    why: 'a password is never read for other details',
  },
  {
    fields: [field('Zoe', 'first-name'), field('Brown', 'last-name')],
    signInSite: false,
    found: ['name'],
    why: 'a sign-up form asking for first and last name in separate fields',
  },
  {
    fields: [field('My answer: 12 x 34 = 408', 'answer'), field('Zoe', 'name')],
    signInSite: false,
    found: [],
    why: 'a quiz answer with a first name',
  },
  {
    fields: [field('07700', 'answer-1'), field('900123', 'answer-2')],
    signInSite: false,
    found: [],
    why: 'numbers in separate fields are never joined into a phone number',
  },
  {
    fields: [field('  ', 'message')],
    signInSite: false,
    found: [],
    why: 'only spaces',
  },
];
