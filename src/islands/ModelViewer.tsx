/**
 * The 3D artifact viewer island. This shell is small: it checks WebGL, memory and data-saving
 * first, then loads the three.js scene (`viewer/Scene.tsx`) as a separate chunk. Controls,
 * annotations, tour, scale bar and messages are plain HTML around the canvas.
 */
import {
  Component,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';
import { hotspotYaml, nextHotspotId, tourStepYaml } from '../lib/viewer/authoring.ts';
import { cameraLimits, roundView, viewForPoint } from '../lib/viewer/camera.ts';
import { cmPerUnit, distanceCm, formatLength, scaleBar } from '../lib/viewer/scale.ts';
import { stepDuration, tourInitial, tourReducer } from '../lib/viewer/tour.ts';
import type {
  Background,
  CameraView,
  LightingPreset,
  ModelViewerProps,
  Vec3,
} from '../lib/viewer/types.ts';
import type { Anchor, ErrorKind, ReadyInfo, ViewerController } from './viewer/controller.ts';
import { tr } from './viewer/strings.ts';

const Scene = lazy(() => import('./viewer/Scene.tsx'));

type Status = 'waiting' | 'loading' | 'ready' | 'error';

class Boundary extends Component<
  { onError: (error: unknown) => void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

function wantsSavedData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return Boolean(connection?.saveData) || matchMedia('(prefers-reduced-data: reduce)').matches;
}

function lowMemory(): boolean {
  const memory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  return typeof memory === 'number' && memory < 2;
}

const DEG = Math.PI / 180;
const fmtView = (view: CameraView) => {
  const r = roundView(view);
  return `${r.position.join(',')}|${r.target.join(',')}`;
};

export default function ModelViewer(props: ModelViewerProps) {
  const { lang, hotspots, tour } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const barLabelRef = useRef<HTMLSpanElement>(null);
  const controller = useRef<ViewerController | null>(null);
  const [status, setStatus] = useState<Status>('waiting');
  const [errorKind, setErrorKind] = useState<ErrorKind | null>(null);
  const [progress, setProgress] = useState<number | 'decoding' | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [lighting, setLighting] = useState<LightingPreset>('studio');
  const [azimuth, setAzimuth] = useState(75);
  const [elevation, setElevation] = useState(12);
  const [background, setBackground] = useState<Background>('light');
  const [autoRotate, setAutoRotate] = useState(false);
  const [reducedMotion, setReducedMotion] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<'view' | 'measure' | 'author'>('view');
  const [measure, setMeasure] = useState<Vec3[]>([]);
  const [authored, setAuthored] = useState<{ text: string; copied: boolean } | null>(null);
  const [savingData, setSavingData] = useState(false);
  const [tourState, dispatchTour] = useReducer(tourReducer(tour.length), tourInitial);
  const pointerDown = useRef<{ x: number; y: number } | null>(null);
  const limits = useMemo(() => cameraLimits(props.bbox), [props.bbox]);
  const scale = useMemo(
    () => cmPerUnit(props.dimensions, props.bbox.size),
    [props.dimensions, props.bbox],
  );
  const ids = {
    instructions: `${props.uid}-instructions`,
    status: `${props.uid}-status`,
    annotations: `${props.uid}-annotations`,
    tour: `${props.uid}-tour`,
  };

  // Decide whether to load now, wait for a click, or show the fallback.
  useEffect(() => {
    const motion = matchMedia('(prefers-reduced-motion: reduce)');
    setReducedMotion(motion.matches);
    const onMotion = () => setReducedMotion(motion.matches);
    motion.addEventListener('change', onMotion);
    if (!hasWebGL()) fail('webgl');
    else if (lowMemory()) fail('memory');
    else if (wantsSavedData()) setSavingData(true);
    else setStatus('loading');
    const onFullscreen = () => setFullscreen(document.fullscreenElement === rootRef.current);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      motion.removeEventListener('change', onMotion);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, []);

  useEffect(() => {
    if (reducedMotion) setAutoRotate(false);
  }, [reducedMotion]);

  useEffect(() => {
    rootRef.current?.setAttribute(
      'data-viewer-state',
      status === 'error' ? `error-${errorKind}` : status,
    );
  }, [status, errorKind]);

  function fail(kind: ErrorKind, error?: unknown) {
    if (error) console.warn('[viewer]', kind, error);
    setErrorKind(kind);
    setStatus('error');
  }

  const onReady = useCallback((info: ReadyInfo) => {
    setStatus('ready');
    setProgress(null);
    const root = rootRef.current;
    if (root) {
      root.dataset['viewerState'] = 'ready';
      root.dataset['readyMs'] = String(info.ms);
      root.dispatchEvent(new CustomEvent('viewer-ready', { bubbles: true, detail: info }));
    }
  }, []);

  const onView = useCallback(
    (view: CameraView, pxPerUnit: number) => {
      const root = rootRef.current;
      if (root) root.dataset['camera'] = fmtView(view);
      const bar = scaleBar(pxPerUnit, scale.value);
      if (barRef.current && barLabelRef.current) {
        barRef.current.hidden = !bar;
        if (bar) {
          barRef.current.style.setProperty('--bar', `${bar.px.toFixed(1)}px`);
          barLabelRef.current.textContent = formatLength(bar.cm, lang);
        }
      }
    },
    [scale, lang],
  );

  const anchors = useMemo<Anchor[]>(
    () => [
      ...hotspots.map((h) => ({ position: h.position, normal: h.normal })),
      ...measure.map((position) => ({ position })),
    ],
    [hotspots, measure],
  );

  const viewOf = useCallback(
    (id: string): CameraView | undefined => {
      const h = hotspots.find((x) => x.id === id);
      if (!h) return undefined;
      return h.camera ?? viewForPoint(h.position, h.normal, limits.radius * 1.1);
    },
    [hotspots, limits],
  );

  function choose(id: string) {
    setSelected(id);
    const view = viewOf(id);
    if (view) controller.current?.goTo(view);
  }

  // Apply the current tour step.
  const step = tourState.index >= 0 ? tour[tourState.index] : undefined;
  useEffect(() => {
    if (!step) return;
    if (step.lighting) setLighting(step.lighting);
    setSelected(step.hotspot ?? null);
    const view = step.camera ?? (step.hotspot ? viewOf(step.hotspot) : undefined);
    if (view) controller.current?.goTo(view);
  }, [step, viewOf]);

  useEffect(() => {
    if (!tourState.playing || !step) return;
    const timer = setTimeout(() => dispatchTour({ type: 'tick' }), stepDuration(step.text));
    return () => clearTimeout(timer);
  }, [tourState, step]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const c = controller.current;
    if (!c) return;
    const turn = 10 * DEG;
    const move = 0.05;
    let handled = true;
    switch (event.key) {
      case 'ArrowLeft':
        if (event.shiftKey) c.pan(-move, 0);
        else c.orbit(-turn, 0, 1);
        break;
      case 'ArrowRight':
        if (event.shiftKey) c.pan(move, 0);
        else c.orbit(turn, 0, 1);
        break;
      case 'ArrowUp':
        if (event.shiftKey) c.pan(0, move);
        else c.orbit(0, -turn, 1);
        break;
      case 'ArrowDown':
        if (event.shiftKey) c.pan(0, -move);
        else c.orbit(0, turn, 1);
        break;
      case '+':
      case '=':
      case 'PageUp':
        c.orbit(0, 0, 0.85);
        break;
      case '-':
      case '_':
      case 'PageDown':
        c.orbit(0, 0, 1 / 0.85);
        break;
      case 'Home':
      case '0':
        c.reset();
        break;
      case 'Escape':
        if (mode === 'view') handled = false;
        else setMode('view');
        break;
      default: {
        const n = Number(event.key);
        const hotspot = Number.isInteger(n) && n >= 1 ? hotspots[n - 1] : undefined;
        if (hotspot) choose(hotspot.id);
        else handled = false;
      }
    }
    if (handled) event.preventDefault();
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    pointerDown.current = { x: event.clientX, y: event.clientY };
  }

  async function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    const start = pointerDown.current;
    pointerDown.current = null;
    if (!start || mode === 'view' || event.button !== 0) return;
    if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > 5) return;
    const hit = controller.current?.pick(event.clientX, event.clientY);
    if (!hit) return;
    if (mode === 'measure') {
      setMeasure((points) => (points.length >= 2 ? [hit.point] : [...points, hit.point]));
      return;
    }
    const view = controller.current?.getView();
    if (!view) return;
    const id = nextHotspotId(hotspots.map((h) => h.id));
    await copy(hotspotYaml({ id, position: hit.point, normal: hit.normal, camera: view }));
  }

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setAuthored({ text, copied: true });
    } catch {
      setAuthored({ text, copied: false });
    }
  }

  function toggleFullscreen() {
    const root = rootRef.current;
    if (!root) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void root.requestFullscreen?.().catch(() => undefined);
  }

  const measured =
    measure.length === 2 && measure[0] && measure[1]
      ? formatLength(distanceCm(measure[0], measure[1], scale.value), lang)
      : null;
  const dev = import.meta.env.DEV;
  const canRender = status === 'loading' || status === 'ready';
  const message =
    status === 'error' && errorKind
      ? tr(
          lang,
          errorKind === 'webgl'
            ? 'noWebgl'
            : errorKind === 'context'
              ? 'contextLost'
              : errorKind === 'memory'
                ? 'lowMemory'
                : 'loadError',
        )
      : null;

  return (
    <div
      ref={rootRef}
      className={`mv mv-bg-${background}`}
      data-viewer-state="waiting"
      data-lighting={lighting}
      data-selected={selected ?? ''}
      data-tour-step={tourState.index}
    >
      <p id={ids.instructions} className="visually-hidden">
        {tr(lang, 'instructions')}
      </p>
      <div
        ref={stageRef}
        className="mv-stage"
        data-mode={mode}
        role="application"
        aria-roledescription={tr(lang, 'viewer')}
        aria-label={props.label}
        aria-describedby={ids.instructions}
        tabIndex={canRender ? 0 : -1}
        hidden={!canRender}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerUp={(e) => void onPointerUp(e)}
      >
        {canRender && (
          <Boundary key={attempt} onError={(e) => fail('webgl', e)}>
            <Suspense fallback={null}>
              <Scene
                src={props.src}
                bytes={props.bytes}
                triangles={props.triangles}
                bbox={props.bbox}
                lighting={lighting}
                rakingAzimuth={azimuth}
                rakingElevation={elevation}
                background={background}
                autoRotate={autoRotate}
                reducedMotion={reducedMotion}
                anchors={anchors}
                overlay={overlayRef}
                controller={controller}
                onProgress={setProgress}
                onReady={onReady}
                onError={fail}
                onView={onView}
              />
            </Suspense>
          </Boundary>
        )}
        <div ref={overlayRef} className="mv-overlay" aria-hidden="true">
          {hotspots.map((h, i) => (
            <button
              key={h.id}
              type="button"
              tabIndex={-1}
              className="mv-marker"
              data-anchor={i}
              data-hotspot={h.id}
              data-hidden="true"
              aria-pressed={selected === h.id}
              title={h.title}
              onClick={() => choose(h.id)}
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
        <div className="mv-scale" ref={barRef} hidden>
          <span className="mv-scale-bar" />
          <span ref={barLabelRef} />
          {!scale.measured && <span className="mv-scale-note"> {tr(lang, 'scaleAssumed')}</span>}
        </div>
      </div>

      <div id={ids.status} className="mv-status" role="status" aria-live="polite">
        {status === 'loading' &&
          (progress === 'decoding' ? (
            tr(lang, 'decoding')
          ) : progress === null ? (
            tr(lang, 'loadingScript')
          ) : (
            <>
              {tr(lang, 'loading')} <span data-progress>{Math.round(progress * 100)}%</span>
              <progress max={100} value={Math.round(progress * 100)} />
            </>
          ))}
        {status === 'ready' && <span className="visually-hidden">{tr(lang, 'ready')}</span>}
        {status === 'waiting' && savingData && (
          <>
            <span>{tr(lang, 'saveData')} </span>
            <button type="button" className="mv-button" onClick={() => setStatus('loading')}>
              {tr(lang, 'loadButton')} ({(props.bytes / 1048576).toFixed(1)} MB)
            </button>
          </>
        )}
        {message && (
          <span className="mv-message" data-viewer-fallback>
            {message}{' '}
            {(errorKind === 'context' || errorKind === 'load') && (
              <button
                type="button"
                className="mv-button"
                onClick={() => {
                  setAttempt((a) => a + 1);
                  setErrorKind(null);
                  setStatus('loading');
                }}
              >
                {tr(lang, 'retry')}
              </button>
            )}
            {errorKind === 'memory' && (
              <button
                type="button"
                className="mv-button"
                onClick={() => {
                  setErrorKind(null);
                  setStatus('loading');
                }}
              >
                {tr(lang, 'loadAnyway')}
              </button>
            )}
          </span>
        )}
      </div>

      {canRender && (
        <div className="mv-toolbar" role="group" aria-label={tr(lang, 'controls')}>
          <button
            type="button"
            className="mv-button"
            onClick={() => controller.current?.reset()}
            data-action="reset"
          >
            {tr(lang, 'reset')}
          </button>
          <button
            type="button"
            className="mv-button"
            aria-pressed={autoRotate}
            onClick={() => setAutoRotate((v) => !v)}
            data-action="auto-rotate"
          >
            {tr(lang, 'autoRotate')}
          </button>
          <button
            type="button"
            className="mv-button"
            onClick={toggleFullscreen}
            data-action="fullscreen"
          >
            {tr(lang, fullscreen ? 'exitFullscreen' : 'fullscreen')}
          </button>
          <button
            type="button"
            className="mv-button"
            aria-pressed={mode === 'measure'}
            onClick={() => {
              setMode((m) => (m === 'measure' ? 'view' : 'measure'));
              setMeasure([]);
            }}
            data-action="measure"
          >
            {tr(lang, 'measure')}
          </button>
          <label className="mv-field">
            {tr(lang, 'lighting')}{' '}
            <select
              value={lighting}
              onChange={(e) => setLighting(e.currentTarget.value as LightingPreset)}
              data-control="lighting"
            >
              {(['studio', 'soft', 'raking'] as const).map((p) => (
                <option key={p} value={p}>
                  {tr(lang, p)}
                </option>
              ))}
            </select>
          </label>
          {lighting === 'raking' && (
            <>
              <label className="mv-field">
                {tr(lang, 'azimuth')}{' '}
                <input
                  type="range"
                  min={0}
                  max={360}
                  step={5}
                  value={azimuth}
                  onChange={(e) => setAzimuth(Number(e.currentTarget.value))}
                  aria-valuetext={`${azimuth}°`}
                  data-control="azimuth"
                />
              </label>
              <label className="mv-field">
                {tr(lang, 'elevation')}{' '}
                <input
                  type="range"
                  min={2}
                  max={60}
                  step={1}
                  value={elevation}
                  onChange={(e) => setElevation(Number(e.currentTarget.value))}
                  aria-valuetext={`${elevation}°`}
                  data-control="elevation"
                />
              </label>
            </>
          )}
          <label className="mv-field">
            {tr(lang, 'background')}{' '}
            <select
              value={background}
              onChange={(e) => setBackground(e.currentTarget.value as Background)}
              data-control="background"
            >
              {(['light', 'grey', 'dark'] as const).map((b) => (
                <option key={b} value={b}>
                  {tr(lang, b)}
                </option>
              ))}
            </select>
          </label>
          {dev && (
            <button
              type="button"
              className="mv-button"
              aria-pressed={mode === 'author'}
              onClick={() => setMode((m) => (m === 'author' ? 'view' : 'author'))}
              data-action="author"
            >
              {tr(lang, 'author')}
            </button>
          )}
        </div>
      )}

      {mode === 'measure' && (
        <p className="mv-note" aria-live="polite">
          {measured ? (
            <>
              {tr(lang, 'distance')}: <strong data-measure-result>{measured}</strong>
            </>
          ) : (
            tr(lang, 'measureHint')
          )}
        </p>
      )}

      {dev && mode === 'author' && (
        <div className="mv-note">
          <p>{tr(lang, 'authorHint')}</p>
          <button
            type="button"
            className="mv-button"
            onClick={() => {
              const view = controller.current?.getView();
              if (view)
                void copy(
                  tourStepYaml({
                    camera: view,
                    lighting,
                    ...(selected ? { hotspot: selected } : {}),
                  }),
                );
            }}
          >
            {tr(lang, 'copyStep')}
          </button>
          {authored && (
            <>
              <p>{tr(lang, authored.copied ? 'copied' : 'copyFailed')}</p>
              <pre className="mv-yaml" tabIndex={0}>
                {authored.text}
              </pre>
            </>
          )}
        </div>
      )}

      {canRender && hotspots.length > 0 && (
        <section className="mv-panel" aria-labelledby={ids.annotations}>
          <h3 id={ids.annotations}>{tr(lang, 'annotations')}</h3>
          <ol className="mv-hotspots">
            {hotspots.map((h, i) => (
              <li key={h.id}>
                <button
                  type="button"
                  className="mv-hotspot-button"
                  aria-expanded={selected === h.id}
                  onClick={() => choose(h.id)}
                  data-hotspot-button={h.id}
                >
                  <span className="mv-num" aria-hidden="true">
                    {i + 1}
                  </span>{' '}
                  {h.title}
                </button>
                {selected === h.id && <p className="mv-hotspot-text">{h.text}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}

      {canRender && tour.length > 0 && (
        <section className="mv-panel mv-tour" aria-labelledby={ids.tour}>
          <h3 id={ids.tour}>{tr(lang, 'tour')}</h3>
          {step ? (
            <>
              <p className="mv-tour-count">
                {tr(lang, 'step', { n: tourState.index + 1, total: tour.length })}
              </p>
              <p className="mv-tour-text" aria-live="polite" data-tour-text>
                {step.text}
              </p>
              <div className="mv-tour-buttons">
                <button
                  type="button"
                  className="mv-button"
                  disabled={tourState.index <= 0}
                  onClick={() => dispatchTour({ type: 'previous' })}
                  data-action="tour-previous"
                >
                  {tr(lang, 'previous')}
                </button>
                <button
                  type="button"
                  className="mv-button"
                  disabled={tourState.index >= tour.length - 1}
                  onClick={() => dispatchTour({ type: 'next' })}
                  data-action="tour-next"
                >
                  {tr(lang, 'next')}
                </button>
                <button
                  type="button"
                  className="mv-button"
                  aria-pressed={tourState.playing}
                  onClick={() => dispatchTour({ type: tourState.playing ? 'pause' : 'play' })}
                  data-action="tour-play"
                >
                  {tr(lang, tourState.playing ? 'pause' : 'play')}
                </button>
                <button
                  type="button"
                  className="mv-button"
                  onClick={() => {
                    dispatchTour({ type: 'stop' });
                    setSelected(null);
                  }}
                  data-action="tour-end"
                >
                  {tr(lang, 'endTour')}
                </button>
              </div>
            </>
          ) : (
            <button
              type="button"
              className="mv-button"
              onClick={() => dispatchTour({ type: 'start' })}
              data-action="tour-start"
            >
              {tr(lang, 'startTour')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
