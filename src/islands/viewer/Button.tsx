/**
 * A button of the viewer: its label from the string table, `data-action` (what the tests and the
 * keyboard help name it by) and, for a toggle, whether it is pressed.
 */
import type { ReactNode } from 'react';
import type { ViewerLang } from '../../lib/viewer/types.ts';
import { tr, type StringKey } from './strings.ts';

export interface ButtonProps {
  lang: ViewerLang;
  action: string;
  label: StringKey;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
  /** Shown after the label (e.g. a size). */
  children?: ReactNode;
}

export default function Button(props: ButtonProps) {
  const { lang, action, label, onClick, pressed, disabled } = props;
  return (
    <button
      type="button"
      className="mv-button"
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      data-action={action}
    >
      {tr(lang, label)}
      {props.children}
    </button>
  );
}
