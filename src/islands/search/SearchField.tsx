/**
 * The search box of the search page: the same form, label and input in the first paint, the live
 * search and the fallback, so the box never moves or changes when one replaces the other.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type RefObject } from 'react';
import { ui, type Lang } from './strings.ts';

type InputProps = Pick<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onFocus'>;

export interface SearchFieldProps extends InputProps {
  lang: Lang;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Called on Enter; the page never reloads. */
  onSubmit?: () => void;
  /** Extra controls after the input (the clear button). */
  children?: ReactNode;
}

export function SearchField({ lang, inputRef, onSubmit, children, ...input }: SearchFieldProps) {
  const id = useId();
  return (
    <form
      role="search"
      className="search-app__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit?.();
      }}
    >
      <label htmlFor={id}>{ui.label[lang]}</label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        name="q"
        placeholder={ui.placeholder[lang]}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        maxLength={256}
        {...input}
      />
      {children}
    </form>
  );
}
