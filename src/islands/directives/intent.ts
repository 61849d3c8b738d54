/**
 * `client:intent`: hydrates an island when the visitor turns to it (a pointer over or down on
 * it, the focus inside it, a key pressed in it), or at once when the page's URL carries one of
 * the parameters given as the directive's value (`client:intent={['q', 'type']}`). The search
 * page uses it: opened bare, it ships no island code until the visitor reaches for the box;
 * opened on a search (the header's form, a shared link), it starts that search straight away.
 */
import type { ClientDirective } from 'astro';

/** What counts as turning to the island. */
const TRIGGERS = ['pointerover', 'pointerdown', 'focusin', 'keydown', 'touchstart'] as const;

const intent: ClientDirective = (load, options, el) => {
  let started = false;
  const hydrate = async () => {
    if (started) return;
    started = true;
    for (const trigger of TRIGGERS) el.removeEventListener(trigger, hydrate);
    await (
      await load()
    )();
  };
  const params: unknown = options.value;
  const search = new URLSearchParams(window.location.search);
  if (Array.isArray(params) && params.some((name) => (search.get(String(name)) ?? '') !== '')) {
    void hydrate();
    return;
  }
  for (const trigger of TRIGGERS) el.addEventListener(trigger, hydrate, { passive: true });
};

export default intent;
