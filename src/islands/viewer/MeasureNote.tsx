/** Below the toolbar in measure mode: how to measure, then the distance between the two points. */
import { distanceCm, formatLength } from '../../lib/viewer/scale.ts';
import type { Vec3, ViewerLang } from '../../lib/viewer/types.ts';
import { tr } from './strings.ts';

export default function MeasureNote(props: {
  lang: ViewerLang;
  points: Vec3[];
  /** Centimetres per model unit. */
  cmPerUnit: number;
}) {
  const { lang, points } = props;
  const [from, to] = points;
  const distance =
    points.length === 2 && from && to
      ? formatLength(distanceCm(from, to, props.cmPerUnit), lang)
      : null;
  return (
    <p className="mv-note" aria-live="polite">
      {distance ? (
        <>
          {tr(lang, 'distance')}: <strong data-measure-result>{distance}</strong>
        </>
      ) : (
        tr(lang, 'measureHint')
      )}
    </p>
  );
}
