import { describe, expect, it } from 'vitest';
import {
  showsScene,
  loadInitial,
  loadReducer,
  viewerState,
  type LoadAction,
  type LoadState,
} from '../../../src/lib/viewer/loading.ts';

const run = (...actions: LoadAction[]): LoadState => actions.reduce(loadReducer, loadInitial);

describe('loadReducer', () => {
  it('waits without the scene until loading starts', () => {
    expect(viewerState(loadInitial)).toBe('waiting');
    expect(showsScene(loadInitial)).toBe(false);
    expect(showsScene(run({ type: 'start' }))).toBe(true);
  });
  it('reports progress, then clears it once ready', () => {
    const loading = run({ type: 'start' }, { type: 'progress', progress: 0.4 });
    expect(loading.progress).toBe(0.4);
    const ready = loadReducer(loading, { type: 'ready' });
    expect(ready).toMatchObject({ status: 'ready', progress: null });
    expect(showsScene(ready)).toBe(true);
  });
  it('waits for a click when the browser saves data, then loads', () => {
    const saving = run({ type: 'save-data' });
    expect(saving).toMatchObject({ status: 'waiting', savingData: true });
    expect(run({ type: 'save-data' }, { type: 'start' }).status).toBe('loading');
  });
  it('names the error kind in the state attribute and takes the scene away', () => {
    const failed = run({ type: 'start' }, { type: 'fail', kind: 'context' });
    expect(viewerState(failed)).toBe('error-context');
    expect(showsScene(failed)).toBe(false);
  });
  it('mounts a fresh scene on retry', () => {
    const retried = run({ type: 'start' }, { type: 'fail', kind: 'load' }, { type: 'retry' });
    expect(retried).toMatchObject({ status: 'loading', errorKind: null, attempt: 1 });
  });
  it('loads anyway after the low-memory warning, in the same scene', () => {
    const anyway = run({ type: 'fail', kind: 'memory' }, { type: 'start' });
    expect(anyway).toMatchObject({ status: 'loading', errorKind: null, attempt: 0 });
  });
});
