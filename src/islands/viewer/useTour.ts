/**
 * The guided tour (`src/lib/viewer/tour.ts`): the current step, applied through `show` when it
 * changes, and the autoplay timer.
 */
import { useEffect, useReducer } from 'react';
import { stepDuration, tourInitial, tourReducer } from '../../lib/viewer/tour.ts';
import type { ViewerTourStep } from '../../lib/viewer/types.ts';

export function useTour(tour: ViewerTourStep[], show: (step: ViewerTourStep) => void) {
  const [state, dispatch] = useReducer(tourReducer(tour.length), tourInitial);
  const step = state.index >= 0 ? tour[state.index] : undefined;

  useEffect(() => {
    if (step) show(step);
  }, [step, show]);

  useEffect(() => {
    if (!state.playing || !step) return;
    const timer = setTimeout(() => dispatch({ type: 'tick' }), stepDuration(step.text));
    return () => clearTimeout(timer);
  }, [state, step]);

  return { state, step, dispatch };
}
