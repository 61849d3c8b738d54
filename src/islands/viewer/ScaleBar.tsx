/**
 * The scale bar in the corner of the stage. The scene reports every new view, up to once a
 * frame, so the bar is updated on the DOM through `show` rather than by rendering the viewer.
 */
import { useImperativeHandle, useRef, type Ref } from 'react';
import { formatLength, scaleBar } from '../../lib/viewer/scale.ts';
import type { ViewerLang } from '../../lib/viewer/types.ts';
import { tr } from './strings.ts';

export interface ScaleBarHandle {
  /** Redraw for the current view's pixels per model unit. */
  show(pxPerUnit: number): void;
}

export default function ScaleBar(props: {
  ref: Ref<ScaleBarHandle>;
  lang: ViewerLang;
  /** Centimetres per model unit, and whether that comes from the record's dimensions. */
  scale: { value: number; measured: boolean };
}) {
  const { lang, scale } = props;
  const barRef = useRef<HTMLDivElement>(null);
  const labelRef = useRef<HTMLSpanElement>(null);
  useImperativeHandle(
    props.ref,
    () => ({
      show(pxPerUnit) {
        const bar = scaleBar(pxPerUnit, scale.value);
        if (!barRef.current || !labelRef.current) return;
        barRef.current.hidden = !bar;
        if (bar) {
          barRef.current.style.setProperty('--bar', `${bar.px.toFixed(1)}px`);
          labelRef.current.textContent = formatLength(bar.cm, lang);
        }
      },
    }),
    [scale, lang],
  );
  return (
    <div className="mv-scale" ref={barRef} hidden>
      <span className="mv-scale-bar" />
      <span ref={labelRef} />
      {!scale.measured && <span className="mv-scale-note"> {tr(lang, 'scaleAssumed')}</span>}
    </div>
  );
}
