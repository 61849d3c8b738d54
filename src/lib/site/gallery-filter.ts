/**
 * Client-side filtering of the works gallery: no server needed. The filter values live in the
 * URL (`?category=ceramics&material=porcelain`) so a filtered gallery can be shared.
 * Pure.
 */

/** Whether an item's data attributes satisfy every chosen filter. */
export function matchesFilters(
  item: Record<string, string | undefined>,
  chosen: Record<string, string>,
): boolean {
  return Object.entries(chosen).every(
    ([name, value]) => !value || (item[name] ?? '').split(' ').includes(value),
  );
}

/** Reads chosen filters from a query string, keeping only known filter names. */
export function filtersFromQuery(search: string, names: readonly string[]): Record<string, string> {
  const params = new URLSearchParams(search);
  return Object.fromEntries(names.map((n) => [n, params.get(n) ?? '']));
}

export function applyWorkFilters(): void {
  applyFilters('work');
}

/**
 * Wires a filter form to a grid by element IDs: `#<prefix>-filters`, `#<prefix>-grid`,
 * `#<prefix>-count` and `#no-matches` (the works gallery uses the prefix `work`, the case library `case`).
 */
export function applyFilters(prefix: string): void {
  const form = document.querySelector<HTMLFormElement>(`#${prefix}-filters`);
  const grid = document.querySelector(`#${prefix}-grid`);
  const count = document.querySelector(`#${prefix}-count`);
  const none = document.querySelector<HTMLElement>('#no-matches');
  if (!form || !grid || !count || !none) return;
  const selects = [...form.querySelectorAll('select')];
  const names = selects.map((s) => s.name);
  const items = [...grid.querySelectorAll<HTMLElement>(':scope > li')];
  const label = count.textContent?.replace(/^\s*\d+\s*/, '') ?? '';

  const update = (push: boolean) => {
    const chosen = Object.fromEntries(selects.map((s) => [s.name, s.value]));
    let shown = 0;
    for (const item of items) {
      const visible = matchesFilters({ ...item.dataset }, chosen);
      item.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = `${shown} ${label}`;
    none.hidden = shown > 0;
    if (push) {
      const params = new URLSearchParams(Object.entries(chosen).filter(([, v]) => v));
      const query = params.toString();
      history.replaceState(null, '', query ? `?${query}` : location.pathname);
    }
  };

  const initial = filtersFromQuery(location.search, names);
  for (const select of selects) select.value = initial[select.name] ?? '';
  form.addEventListener('change', () => update(true));
  form.addEventListener('reset', () => setTimeout(() => update(true)));
  update(false);
  form.dataset.ready = 'true';
}
