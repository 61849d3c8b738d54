/**
 * The components a curator may use inside an MDX record, without importing them.
 * `npm run check` rejects any other component, and any import or export.
 */
import Compare from './Compare.astro';
import En from './En.astro';
import Figure from './Figure.astro';
import Model3D from './Model3D.astro';
import WorkCard from './WorkCard.astro';
import Zh from './Zh.astro';

export const mdxComponents = { Zh, En, WorkCard, Compare, Model3D, Figure };
