/** Pagination, shown once there are results: an empty bar that later moves down is a layout shift. */
import { Pagination, useInstantSearch } from 'react-instantsearch';
import { ui, type Lang } from './strings.ts';

export function ResultsPagination({ lang }: { lang: Lang }) {
  const { results } = useInstantSearch();
  if (!results || results.__isArtificial === true || results.nbHits === 0) return null;
  return (
    <nav aria-label={ui.pagination[lang]}>
      <Pagination padding={2} showFirst={false} showLast={false} />
    </nav>
  );
}
