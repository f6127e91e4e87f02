// The page header: who is logged in, in what role, and Log out.
import { useEffect, useRef } from 'preact/hooks';
import { ActionButton } from './action-button';
import { logOut, track, type User } from './session';
import { t, type StringKey } from './strings';
import { ViewNav } from './view-nav';

const ROLE_KEYS: Record<User['role'], StringKey> = {
  teacher: 'role_teacher',
  dsl: 'role_dsl',
  admin: 'role_admin',
};

export function TopBar({ user }: { user: User }) {
  const heading = useRef<HTMLHeadingElement>(null);

  // After login, start a keyboard or screen-reader user at the top of the dashboard.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <header class="top">
      <div>
        <h1 ref={heading} tabIndex={-1}>
          {t('page_title')}
        </h1>
        <p class="signed-in">
          {t('signed_in_as', { name: user.name, role: t(ROLE_KEYS[user.role]) })}
        </p>
      </div>
      <ViewNav user={user} />
      <ActionButton onPress={() => void track(logOut)}>{t('logout')}</ActionButton>
    </header>
  );
}
