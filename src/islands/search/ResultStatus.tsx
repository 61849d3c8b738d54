/** The result count (announced to screen readers), the no-result state and the browsing hint. */
import { useInstantSearch } from 'react-instantsearch';
import { ui, type Lang } from './strings.ts';

export function ResultStatus({ lang }: { lang: Lang }) {
  const { results, status, indexUiState } = useInstantSearch();
  const query = indexUiState.query ?? '';
  const filtered = Object.values(indexUiState.refinementList ?? {}).some((v) => v.length > 0);
  const n = results?.nbHits ?? 0;
  const ready = results !== undefined && results.__isArtificial !== true;
  return (
    <>
      <p className="search-app__status" role="status" aria-live="polite" aria-atomic="true">
        {!ready || status === 'stalled' ? ui.loading[lang] : ui.count[lang](n)}
      </p>
      {ready && n === 0 && (
        <div className="search-app__none">
          <p>{ui.none[lang](query)}</p>
          <p>{ui.noneHint[lang]}</p>
        </div>
      )}
      {ready && n > 0 && !query && !filtered && (
        <p className="search-app__hint">{ui.empty[lang]}</p>
      )}
    </>
  );
}
