/**
 * The people index's filters, on the visitor's device: no server needed. Each page lists a
 * hundred inheritors in plain HTML; when a filter is chosen the script loads every inheritor's
 * line once (`data-source`, /people/inheritors.json) and lists all that match, across pages.
 * Lines are built with text nodes only: record text never becomes markup. The filters live in
 * the URL (`?batch=3&province=440000`) so a filtered list can be shared.
 * Pure (no file, no Astro content, no build environment): it runs in the browser, on the page.
 */
import { filtersFromQuery, matchesFilters } from './gallery-filter.ts';
import {
  PEOPLE_FILTERS,
  rowFilters,
  rowMeta,
  rowPath,
  type InheritorRow,
} from './inheritor-rows.ts';

function lineOf(row: InheritorRow, lang: 'zh' | 'en'): HTMLLIElement {
  const li = document.createElement('li');
  for (const [name, value] of Object.entries(rowFilters(row))) li.dataset[name] = value;
  const a = document.createElement('a');
  a.href = rowPath(row, lang);
  a.textContent = row[lang];
  const meta = document.createElement('span');
  meta.className = 'compact-list__meta';
  meta.textContent = rowMeta(row, lang);
  li.append(a, ' ', meta);
  return li;
}

export function applyPeopleFilters(): void {
  const form = document.querySelector<HTMLFormElement>('#people-filters');
  const list = document.querySelector<HTMLElement>('#people-list');
  const count = document.querySelector<HTMLElement>('#people-count');
  const none = document.querySelector<HTMLElement>('#people-none');
  const pages = document.querySelector<HTMLElement>('#people-pages');
  if (!form || !list || !count || !none) return;
  const lang = document.documentElement.lang.startsWith('en') ? 'en' : 'zh';
  const selects = [...form.querySelectorAll('select')];
  const pageItems = [...list.children];
  const pageCount = count.textContent ?? '';
  const label = count.dataset['label'] ?? '';
  let rows: Promise<InheritorRow[]> | undefined;
  const load = () => {
    rows ??= fetch(form.dataset['source'] ?? '/people/inheritors.json').then(
      (r) => r.json() as Promise<InheritorRow[]>,
    );
    return rows;
  };

  const update = async (push: boolean) => {
    const chosen = Object.fromEntries(selects.map((s) => [s.name, s.value]));
    const filtering = Object.values(chosen).some(Boolean);
    if (push) {
      const params = new URLSearchParams(Object.entries(chosen).filter(([, v]) => v));
      const query = params.toString();
      history.replaceState(null, '', query ? `?${query}` : location.pathname);
    }
    if (!filtering) {
      list.replaceChildren(...pageItems);
      count.textContent = pageCount;
      none.hidden = true;
      if (pages) pages.hidden = false;
      form.dataset['ready'] = 'true';
      return;
    }
    form.setAttribute('aria-busy', 'true');
    const matching = (await load()).filter((row) => matchesFilters(rowFilters(row), chosen));
    list.replaceChildren(...matching.map((row) => lineOf(row, lang)));
    count.textContent = `${matching.length} ${label}`;
    none.hidden = matching.length > 0;
    if (pages) pages.hidden = true;
    form.removeAttribute('aria-busy');
    form.dataset['ready'] = 'true';
  };

  const initial = filtersFromQuery(location.search, PEOPLE_FILTERS);
  for (const select of selects) select.value = initial[select.name] ?? '';
  form.hidden = false;
  form.addEventListener('change', () => void update(true));
  form.addEventListener('reset', () => setTimeout(() => void update(true)));
  void update(false);
}
