/**
 * The body rules for `npm run check`. They live in `src/lib/content-safety/` because the site's
 * build applies them too (astro.config.mjs): one set of rules for `.md` and `.mdx`.
 */
import { checkBody, type BodyCheck } from '../../src/lib/content-safety/body.ts';

export {
  allowedComponents,
  checkBody,
  type BodyCheck,
  type BodyReference,
} from '../../src/lib/content-safety/body.ts';

/** Checks an MDX body; `firstLine` is the body's first line in the file. */
export function checkMdxBody(body: string, firstLine: number): BodyCheck {
  return checkBody(body, 'mdx', firstLine);
}
