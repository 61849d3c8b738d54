/** The guided tour's panel: start, then the step's text with previous, next, play and end. */
import type { Dispatch } from 'react';
import type { TourAction, TourState } from '../../lib/viewer/tour.ts';
import type { ViewerLang, ViewerTourStep } from '../../lib/viewer/types.ts';
import Button from './Button.tsx';
import { tr } from './strings.ts';

export default function TourPanel(props: {
  id: string;
  lang: ViewerLang;
  length: number;
  state: TourState;
  step: ViewerTourStep | undefined;
  dispatch: Dispatch<TourAction>;
  onEnd: () => void;
}) {
  const { lang, state, step, dispatch } = props;
  const send = (type: 'start' | 'previous' | 'next' | 'play' | 'pause') => () => dispatch({ type });
  const playing = state.playing;
  return (
    <section className="mv-panel mv-tour" aria-labelledby={props.id}>
      <h3 id={props.id}>{tr(lang, 'tour')}</h3>
      {step ? (
        <>
          <p className="mv-tour-count">
            {tr(lang, 'step', { n: state.index + 1, total: props.length })}
          </p>
          <p className="mv-tour-text" aria-live="polite" data-tour-text>
            {step.text}
          </p>
          <div className="mv-tour-buttons">
            <Button
              lang={lang}
              action="tour-previous"
              label="previous"
              disabled={state.index <= 0}
              onClick={send('previous')}
            />
            <Button
              lang={lang}
              action="tour-next"
              label="next"
              disabled={state.index >= props.length - 1}
              onClick={send('next')}
            />
            <Button
              lang={lang}
              action="tour-play"
              label={playing ? 'pause' : 'play'}
              pressed={playing}
              onClick={send(playing ? 'pause' : 'play')}
            />
            <Button lang={lang} action="tour-end" label="endTour" onClick={props.onEnd} />
          </div>
        </>
      ) : (
        <Button lang={lang} action="tour-start" label="startTour" onClick={send('start')} />
      )}
    </section>
  );
}
