/**
 * The live search box: searches as you type, takes over what was typed in the page's first box
 * (caret and focus too), follows the URL on back/forward, and has a clear button.
 */
import { useEffect, useRef, useState } from 'react';
import { useSearchBox } from 'react-instantsearch';
import type { Handoff } from './handoff.ts';
import { SearchField } from './SearchField.tsx';
import { ui, type Lang } from './strings.ts';

export function SearchInput({ lang, handoff }: { lang: Lang; handoff: Handoff }) {
  const { query, refine, clear } = useSearchBox();
  const [value, setValue] = useState(handoff.typed ?? query);
  const inputRef = useRef<HTMLInputElement>(null);
  // Carry over what was typed while the search was loading, caret and all. (Before the next
  // effect, which leaves a focused box alone.)
  const handedOver = useRef(false);
  useEffect(() => {
    if (handedOver.current) return;
    handedOver.current = true;
    if (handoff.typed !== undefined) refine(handoff.typed);
    const input = inputRef.current;
    if (handoff.focused && input) {
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }, [handoff, refine]);
  // Follow changes from the URL (back/forward) unless the visitor is typing.
  useEffect(() => {
    if (document.activeElement !== inputRef.current) setValue(query);
  }, [query]);
  return (
    <SearchField
      lang={lang}
      inputRef={inputRef}
      value={value}
      onSubmit={() => refine(value)}
      onChange={(event) => {
        setValue(event.currentTarget.value);
        refine(event.currentTarget.value);
      }}
    >
      {value && (
        <button
          type="button"
          onClick={() => {
            setValue('');
            clear();
            inputRef.current?.focus();
          }}
        >
          {ui.clear[lang]}
        </button>
      )}
    </SearchField>
  );
}
