/** The filters in use, each a button that removes it, and one that removes them all. */
import { ClearRefinements, useCurrentRefinements } from 'react-instantsearch';
import { facetOf } from '../../lib/search/document.ts';
import { facetLabel, facetTitles, ui, type Lang } from './strings.ts';

export function ActiveFilters({ lang }: { lang: Lang }) {
  const { items, refine } = useCurrentRefinements();
  const refinements = items.flatMap((item) =>
    item.refinements.map((refinement) => ({ item, refinement })),
  );
  if (refinements.length === 0) return null;
  return (
    <section className="search-app__current" aria-label={ui.current[lang]}>
      <ul>
        {refinements.map(({ item, refinement }) => {
          const facet = facetOf(item.attribute);
          const title = facet ? facetTitles[facet.param][lang] : item.label;
          const label = `${title}: ${facetLabel(item.attribute, String(refinement.value), lang)}`;
          return (
            <li key={`${item.attribute}:${String(refinement.value)}`}>
              <button
                type="button"
                onClick={() => refine(refinement)}
                aria-label={`${ui.remove[lang]} ${label}`}
              >
                {label} <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ul>
      <ClearRefinements translations={{ resetButtonText: ui.clearAll[lang] }} />
    </section>
  );
}
