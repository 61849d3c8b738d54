/**
 * A moment in a film as people read it: `0:06`, `12:40`, `1:02:03`.
 * Pure and light (the search island imports it).
 */
export function clockTime(seconds: number): string {
  const s = Math.floor(seconds);
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(hh > 0 ? 2 : 1, '0');
  return `${hh > 0 ? `${String(hh)}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}
