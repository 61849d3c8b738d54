/** The page of results, keyed by record. */
import { useHits } from 'react-instantsearch';
import type { SearchHit } from '../../lib/search/document.ts';
import { HitCard } from './HitCard.tsx';
import type { Lang } from './strings.ts';

/**
 * Keyed by record, a new answer updates the cards in place (the `Hits` widget with an inline
 * card component would mount every card afresh on each render).
 */
export function HitList({ lang }: { lang: Lang }) {
  const { items } = useHits<SearchHit>();
  return (
    <div className="ais-Hits">
      <ol className="ais-Hits-list">
        {items.map((hit) => (
          <li key={hit.objectID} className="ais-Hits-item">
            <HitCard hit={hit} lang={lang} />
          </li>
        ))}
      </ol>
    </div>
  );
}
