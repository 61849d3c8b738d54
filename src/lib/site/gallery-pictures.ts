/**
 * The works gallery sends the pictures of its first cards only (the page would otherwise weigh
 * some 340 KB before compression). The other cards show their dominant colour until one of them
 * nears the screen; then the complete gallery (`/works/all/`, the same cards with their pictures)
 * is fetched once and every waiting card takes its picture from it. The images stay lazy, so only
 * those near the screen load. If the fetch fails, the colours stay. Pure (reads no content, files or
 * build environment): it runs in the browser, on the page's own document.
 */

/**
 * ` style="` in the complete gallery's HTML: Astro writes every attribute as `name="…"` and
 * escapes quotes in text, so this occurs only as an attribute.
 */
const STYLE_ATTRIBUTE = / style="/g;

/**
 * Pictures by record ID, from the complete gallery's HTML. Its `style` attributes (the pictures'
 * blurred placeholders) are read as `data-style`: a document parsed here is under this page's
 * Content-Security-Policy, which lists the hashes of this page's own style attributes only, so
 * the browser would refuse each of them with an error.
 */
function picturesIn(html: string): Map<string, Element> {
  const doc = new DOMParser().parseFromString(
    html.replace(STYLE_ATTRIBUTE, ' data-style="'),
    'text/html',
  );
  const map = new Map<string, Element>();
  for (const card of doc.querySelectorAll<HTMLElement>('#work-grid article[data-id]')) {
    const media = card.querySelector('.media');
    if (card.dataset['id'] && media && !media.hasAttribute('data-deferred')) {
      map.set(card.dataset['id'], media);
    }
  }
  return map;
}

/**
 * A copied picture with its styles back, set through the CSSOM (which the policy does not
 * govern) from the `data-style` of each element.
 */
function restyled(media: Element): Element {
  for (const element of [media, ...media.querySelectorAll('[data-style]')]) {
    if (!(element instanceof HTMLElement) || element.dataset['style'] === undefined) continue;
    element.style.cssText = element.dataset['style'];
    delete element.dataset['style'];
  }
  return media;
}

export function fillDeferredPictures(): void {
  const waiting = [...document.querySelectorAll<HTMLElement>('#work-grid .media[data-deferred]')];
  if (waiting.length === 0 || !('IntersectionObserver' in window)) return;
  const source = `${location.pathname.replace(/\/?$/, '/')}all/`;
  const fill = async () => {
    const response = await fetch(source);
    if (!response.ok) return;
    const pictures = picturesIn(await response.text());
    for (const media of waiting) {
      const id = media.closest<HTMLElement>('article[data-id]')?.dataset['id'];
      const full = id ? pictures.get(id) : undefined;
      if (full) media.replaceWith(restyled(document.importNode(full, true)));
    }
  };
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      fill().catch(() => {});
    },
    { rootMargin: '1200px 0px' },
  );
  for (const media of waiting) observer.observe(media);
}
