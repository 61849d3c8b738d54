/**
 * The people index's filter data: one line per national representative inheritor
 * (src/lib/site/inheritor-rows.ts), for both languages. The filter script fetches it once, when a
 * filter is first chosen.
 */
import { peopleIndex } from '../../lib/site/people-index.ts';

export async function GET() {
  const rows = (await peopleIndex()).inheritors.map((i) => i.row);
  return new Response(JSON.stringify(rows), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
