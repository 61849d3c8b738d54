/**
 * The works of this build by thesaurus concept, computed once (`thesaurus/usage.ts`): every
 * concept page and the thesaurus index look their lists and counts up instead of scanning the
 * works. Works with a picture come first, so a page's cards show objects; then by ID.
 * Not pure: reads Astro content.
 */
import { allOf, oncePerBuild, type Entry } from './archive.ts';
import { picturesOf } from './media-data.ts';
import { conceptWorksIndex, type ConceptWorks } from '../thesaurus/usage.ts';

const NONE: ConceptWorks<Entry<'works'>> = { classified: [], tagged: [], total: 0 };

function worksIndex() {
  return oncePerBuild('concept-works', async () => {
    const works = await allOf('works');
    const pictured = (w: Entry<'works'>) => picturesOf(w).length > 0;
    const ordered = [...works.filter(pictured), ...works.filter((w) => !pictured(w))];
    return conceptWorksIndex(ordered, (w) => w.data);
  });
}

/** The works that use a concept (shared lists: never sort or change them in place). */
export async function worksUsingConcept(id: string): Promise<ConceptWorks<Entry<'works'>>> {
  return (await worksIndex()).get(id) ?? NONE;
}

/** How many works use each concept, for the thesaurus index. */
export async function conceptWorkCounts(): Promise<(id: string) => number> {
  const index = await worksIndex();
  return (id) => index.get(id)?.total ?? 0;
}
