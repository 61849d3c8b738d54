/**
 * One search result: thumbnail, title in the page's language (and the other one), type,
 * category, period or date, and the summary, with the matched words marked as React text
 * (never HTML).
 */
import type { Hit } from 'instantsearch.js';
import { Highlight } from 'react-instantsearch';
import { clockTime } from '../../lib/media/clock.ts';
import type { SearchHit } from '../../lib/search/document.ts';
import { filmMoment, type TranscriptMatches } from '../../lib/search/moments.ts';
import { facetLabel, typeLabels, ui, type Lang } from './strings.ts';

/** The record's date as shown: its own wording, else the year or the range of years. */
function dateOf(hit: SearchHit, lang: Lang): string | undefined {
  return (
    (lang === 'zh' ? hit.date_display_zh : hit.date_display_en) ??
    (hit.date_start === undefined
      ? undefined
      : hit.date_start === hit.date_end
        ? String(hit.date_start)
        : `${hit.date_start}–${hit.date_end}`)
  );
}

export function HitCard({ hit, lang }: { hit: Hit<SearchHit>; lang: Lang }) {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const url = lang === 'zh' ? hit.url_zh : hit.url_en;
  const moment = filmMoment(
    hit,
    (hit as { _matchesPosition?: TranscriptMatches })._matchesPosition,
    url,
  );
  const alt = lang === 'zh' ? hit.thumbnail_alt_zh : hit.thumbnail_alt_en;
  const meta = [
    typeLabels[hit.type]?.[lang],
    hit.category ? facetLabel('category', hit.category, lang) : undefined,
    lang === 'zh' ? hit.period_zh : hit.period_en,
    dateOf(hit, lang),
    hit.hasModel ? ui.model[lang] : undefined,
  ].filter(Boolean);
  return (
    <article className="search-hit">
      {hit.thumbnail && (
        <img
          src={hit.thumbnail}
          alt={alt ?? ''}
          loading="lazy"
          decoding="async"
          width={96}
          height={96}
        />
      )}
      <div>
        <h3>
          <a href={url}>
            <Highlight attribute={`title_${lang}`} hit={hit} />
          </a>
        </h3>
        <p className="search-hit__other" lang={other === 'zh' ? 'zh-Hans' : 'en'}>
          <Highlight attribute={`title_${other}`} hit={hit} />
        </p>
        <p className="search-hit__meta">{meta.join(' · ')}</p>
        {hit[`summary_${lang}`] && (
          <p className="search-hit__summary">
            <Highlight attribute={`summary_${lang}`} hit={hit} />
          </p>
        )}
        {moment && (
          <p className="search-hit__moment">
            <a href={moment.href}>{ui.filmMoment[lang](clockTime(moment.seconds))}</a>
          </p>
        )}
      </div>
    </article>
  );
}
