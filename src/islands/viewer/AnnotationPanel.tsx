/** The list of annotations beside the model: choosing one shows its text and moves the camera. */
import type { ViewerHotspot, ViewerLang } from '../../lib/viewer/types.ts';
import { tr } from './strings.ts';

export default function AnnotationPanel(props: {
  id: string;
  lang: ViewerLang;
  hotspots: ViewerHotspot[];
  selected: string | null;
  onChoose: (id: string) => void;
}) {
  return (
    <section className="mv-panel" aria-labelledby={props.id}>
      <h3 id={props.id}>{tr(props.lang, 'annotations')}</h3>
      <ol className="mv-hotspots">
        {props.hotspots.map((h, i) => (
          <li key={h.id}>
            <button
              type="button"
              className="mv-hotspot-button"
              aria-expanded={props.selected === h.id}
              onClick={() => props.onChoose(h.id)}
              data-hotspot-button={h.id}
            >
              <span className="mv-num" aria-hidden="true">
                {i + 1}
              </span>{' '}
              {h.title}
            </button>
            {props.selected === h.id && <p className="mv-hotspot-text">{h.text}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
