/**
 * Authoring mode (`npm run dev` only, so none of this ships): copy the current view as a tour
 * step; show what was copied.
 */
import type { RefObject } from 'react';
import { tourStepYaml } from '../../lib/viewer/authoring.ts';
import type { LightingPreset, ViewerLang } from '../../lib/viewer/types.ts';
import type { ViewerController } from './controller.ts';
import type { Copied } from './hooks.ts';
import { tr } from './strings.ts';

export default function AuthorPanel(props: {
  lang: ViewerLang;
  controller: RefObject<ViewerController | null>;
  lighting: LightingPreset;
  selected: string | null;
  copied: Copied | null;
  copy: (text: string) => Promise<void>;
}) {
  const { lang, copied, selected } = props;

  function copyStep() {
    const view = props.controller.current?.getView();
    if (!view) return;
    const hotspot = selected ? { hotspot: selected } : {};
    void props.copy(tourStepYaml({ camera: view, lighting: props.lighting, ...hotspot }));
  }

  return (
    <div className="mv-note">
      <p>{tr(lang, 'authorHint')}</p>
      <button type="button" className="mv-button" onClick={copyStep}>
        {tr(lang, 'copyStep')}
      </button>
      {copied && (
        <>
          <p>{tr(lang, copied.copied ? 'copied' : 'copyFailed')}</p>
          <pre className="mv-yaml" tabIndex={0}>
            {copied.text}
          </pre>
        </>
      )}
    </div>
  );
}
