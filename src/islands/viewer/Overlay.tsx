/**
 * HTML pinned over the canvas: numbered hotspot markers and the measuring points and line. The
 * scene moves them (`anchors.ts`) by their `data-anchor` index: hotspots first, then points.
 */
import type { RefObject } from 'react';
import type { Vec3, ViewerHotspot } from '../../lib/viewer/types.ts';

export default function Overlay(props: {
  ref: RefObject<HTMLDivElement | null>;
  hotspots: ViewerHotspot[];
  measure: Vec3[];
  selected: string | null;
  onChoose: (id: string) => void;
}) {
  const { hotspots, measure } = props;
  return (
    <div ref={props.ref} className="mv-overlay" aria-hidden="true">
      {hotspots.map((h, i) => (
        <button
          key={h.id}
          type="button"
          tabIndex={-1}
          className="mv-marker"
          data-anchor={i}
          data-hotspot={h.id}
          data-hidden="true"
          aria-pressed={props.selected === h.id}
          title={h.title}
          onClick={() => props.onChoose(h.id)}
        >
          {i + 1}
        </button>
      ))}
      {measure.map((_, i) => (
        <span
          key={`m${i}`}
          className="mv-measure-point"
          data-anchor={hotspots.length + i}
          data-hidden="true"
        />
      ))}
      {measure.length === 2 && (
        <svg className="mv-measure-svg">
          <line data-measure-line data-from={hotspots.length} data-to={hotspots.length + 1} />
        </svg>
      )}
    </div>
  );
}
