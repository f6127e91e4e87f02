// The "Zip it!" card. KS1: a zipped mouth, a few simple words and a picture for each kind of
// detail found (home, phone, birthday cake…), so a pupil who can't read yet still sees what it
// is about. KS2: one line for each kind found, saying why it is worth keeping private.
// "Don't send" is the choice the card nudges towards and takes focus. It is the 'zip-it' view
// (content/prompts/view-registry.tsx), drawn by the module that loads on the first prompt.
import type { ZipItDetail } from '../../../shared/zip-it/personal-data-detectors';
import { LineIcon, PromptCard } from '../prompt-card';
import type { ViewBase } from '../prompt-views';
import type { ZipItViewProps } from './zip-it-views';

const text = (key: string) => chrome.i18n.getMessage(key) || key;

const ZIPPED_MOUTH =
  'M24 3 a21 21 0 1 0 0.01 0 Z M13 30 H35 M17 27 v6 M21 27 v6 M25 27 v6 M29 27 v6 M17 17 v3 M31 17 v3';
const LOCK = 'M15 22 V15 a9 9 0 0 1 18 0 V22 M10 22 H38 V43 H10 Z M24 30 v6';
const TEACHER_OK = 'M17 6 a7 7 0 1 0 0.01 0 Z M4 42 a13 13 0 0 1 26 0 M28 26 l6 6 l11 -13';

const HOME = 'M6 24 L24 8 L42 24 M12 20 V42 H36 V20 M20 42 V31 H28 V42';

/** KS1's picture for each kind of detail; an address and a postcode are both "home". */
const PICTURES: Record<ZipItDetail, { icon: string; label: () => string }> = {
  name: {
    icon: 'M24 6 a8 8 0 1 0 0.01 0 Z M8 42 a16 14 0 0 1 32 0',
    label: () => text('zip_it_picture_name'),
  },
  address: { icon: HOME, label: () => text('zip_it_picture_home') },
  postcode: { icon: HOME, label: () => text('zip_it_picture_home') },
  phone: { icon: 'M15 4 H33 V44 H15 Z M21 38 H27', label: () => text('zip_it_picture_phone') },
  email: {
    icon: 'M6 12 H42 V36 H6 Z M6 12 L24 26 L42 12',
    label: () => text('zip_it_picture_email'),
  },
  'birth-date': {
    icon: 'M8 42 H40 V26 H8 Z M8 33 C14 37 18 29 24 33 C30 37 34 29 40 33 M24 26 V17 M24 9 v3',
    label: () => text('zip_it_picture_birthday'),
  },
  school: {
    icon: 'M8 42 V22 L24 12 L40 22 V42 Z M20 42 V32 H28 V42 M24 12 V4 L32 7 L24 10',
    label: () => text('zip_it_picture_school'),
  },
  password: {
    icon: 'M15 16 a8 8 0 1 0 0.01 0 Z M23 24 H42 M36 24 V31 M42 24 V31',
    label: () => text('zip_it_picture_password'),
  },
};

/** KS2's reason for each kind of detail. */
const REASONS: Record<ZipItDetail, () => string> = {
  name: () => text('zip_it_reason_name'),
  address: () => text('zip_it_reason_address'),
  postcode: () => text('zip_it_reason_postcode'),
  phone: () => text('zip_it_reason_phone'),
  email: () => text('zip_it_reason_email'),
  'birth-date': () => text('zip_it_reason_birth_date'),
  school: () => text('zip_it_reason_school'),
  password: () => text('zip_it_reason_password'),
};

function Pictures({ details }: { details: readonly ZipItDetail[] }) {
  const seen = new Set<string>();
  const shown = details
    .map((detail) => PICTURES[detail])
    .filter((picture) => !seen.has(picture.icon) && seen.add(picture.icon));
  return (
    <ul class="zip-it-pictures">
      {shown.map((picture) => (
        <li>
          <LineIcon path={picture.icon} />
          <span>{picture.label()}</span>
        </li>
      ))}
    </ul>
  );
}

export function ZipItCard(props: ZipItViewProps & ViewBase) {
  const ks1 = props.keyStage === 'ks1';
  // The card closes only once the choice is kept; if keeping it fails, it stays to say so.
  const thenClose = (choose: () => Promise<void>) => async () => {
    await choose();
    props.close();
  };
  return (
    <PromptCard
      tone="zip-it"
      keyStage={props.keyStage}
      picture={ZIPPED_MOUTH}
      title={text('zip_it_title')}
      text={ks1 ? text('zip_it_text_ks1') : text('zip_it_text_ks2')}
      failed={text('zip_it_failed')}
      actions={[
        {
          label: text('zip_it_dont_send'),
          icon: LOCK,
          style: 'safe',
          onPress: thenClose(props.onKeep),
        },
        {
          label: text('zip_it_teacher_ok'),
          icon: TEACHER_OK,
          style: 'other',
          onPress: thenClose(props.onTeacherSaidOk),
        },
      ]}
    >
      {ks1 ? (
        <Pictures details={props.details} />
      ) : (
        <ul class="zip-it-reasons">
          {props.details.map((detail) => (
            <li>{REASONS[detail]()}</li>
          ))}
        </ul>
      )}
    </PromptCard>
  );
}
