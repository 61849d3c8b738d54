/** One facet of the live search: its values with counts, labelled in the page's language. */
import { RefinementList, useInstantSearch, useRefinementList } from 'react-instantsearch';
import { facetLabel, ui, type Lang } from './strings.ts';

export function Facet({
  attribute,
  title,
  lang,
  searchable = false,
}: {
  attribute: string;
  title: string;
  lang: Lang;
  searchable?: boolean;
}) {
  return (
    <fieldset className="search-app__facet">
      <legend>{title}</legend>
      <RefinementList
        attribute={attribute}
        limit={8}
        showMore={searchable}
        showMoreLimit={60}
        sortBy={['count:desc', 'name:asc']}
        transformItems={(items) =>
          items.map((item) => ({ ...item, label: facetLabel(attribute, item.value, lang) }))
        }
        translations={{
          showMoreButtonText: ({ isShowingMore }) =>
            isShowingMore ? ui.less[lang] : ui.more[lang],
        }}
      />
    </fieldset>
  );
}

/**
 * A facet that is not shown (the closed filter panel on a narrow screen): it keeps the facet's
 * refinements from the URL in the search without rendering its lists, which is most of the first
 * render's main-thread work on a phone.
 */
function HiddenFacet({ attribute }: { attribute: string }) {
  useRefinementList({ attribute });
  return null;
}

/**
 * The facets of a closed filter panel: only those with a chosen value are kept (hidden), so their
 * refinements stay in the search and the URL. The others are not asked for at all: the server
 * computes no counts nobody sees, and the first answer on a phone is a fraction of the size
 * (hundreds of heritage items and object types). Opening the panel asks for them.
 */
export function ClosedFacets({ attributes }: { attributes: readonly string[] }) {
  const { indexUiState } = useInstantSearch();
  const chosen = indexUiState.refinementList ?? {};
  return attributes
    .filter((attribute) => (chosen[attribute]?.length ?? 0) > 0)
    .map((attribute) => <HiddenFacet key={attribute} attribute={attribute} />);
}
