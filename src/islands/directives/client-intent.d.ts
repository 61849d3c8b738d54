/** The project's own client directive (src/islands/directives/intent.ts, registered in astro.config.mjs). */
declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on the visitor's intent, or at once when the URL carries one of these parameters. */
    'client:intent'?: readonly string[];
  }
}
export {};
