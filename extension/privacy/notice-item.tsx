import type { ComponentChildren } from 'preact';
import { ICONS, type IconName } from './privacy-icons';

/** One line of the notice: a picture, then the words (a short title first for KS2). */
export function NoticeItem(props: {
  icon: IconName;
  title?: string;
  children?: ComponentChildren;
}) {
  const Icon = ICONS[props.icon];
  return (
    <li class="item">
      <Icon />
      <div class="item-words">
        {props.title ? <strong class="item-title">{props.title}</strong> : null}
        {props.children}
      </div>
    </li>
  );
}
