/**
 * The 3D artifact viewer island. This shell is small: it checks WebGL, memory and data-saving
 * first, then loads the three.js scene (`viewer/Scene.tsx`) as a separate chunk. Controls,
 * annotations, tour, scale bar and messages are plain HTML around the canvas (`viewer/*.tsx`);
 * nothing here imports three.js.
 */
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { viewAttribute } from '../lib/viewer/camera.ts';
import { keyAction } from '../lib/viewer/keys.ts';
import { lookInitial, mergeLook } from '../lib/viewer/lighting.ts';
import { showsScene } from '../lib/viewer/loading.ts';
import { modeInitial, modeReducer } from '../lib/viewer/modes.ts';
import { cmPerUnit } from '../lib/viewer/scale.ts';
import type { CameraView, ModelViewerProps, ViewerTourStep } from '../lib/viewer/types.ts';
import AnnotationPanel from './viewer/AnnotationPanel.tsx';
import AuthorPanel from './viewer/AuthorPanel.tsx';
import Boundary from './viewer/Boundary.tsx';
import DetailControl from './viewer/DetailControl.tsx';
import type { Anchor, ViewerController } from './viewer/controller.ts';
import { performKeyAction } from './viewer/keyboard.ts';
import { useFullscreen, useReducedMotion } from './viewer/hooks.ts';
import MeasureNote from './viewer/MeasureNote.tsx';
import Overlay from './viewer/Overlay.tsx';
import ScaleBar, { type ScaleBarHandle } from './viewer/ScaleBar.tsx';
import StatusLine from './viewer/StatusLine.tsx';
import { tr } from './viewer/strings.ts';
import Toolbar from './viewer/Toolbar.tsx';
import TourPanel from './viewer/TourPanel.tsx';
import { useAuthoring } from './viewer/useAuthoring.ts';
import { useHotspots } from './viewer/useHotspots.ts';
import { useLevels } from './viewer/useLevels.ts';
import { useLoad } from './viewer/useLoad.ts';
import { usePick } from './viewer/usePick.ts';
import { useTour } from './viewer/useTour.ts';

const Scene = lazy(() => import('./viewer/Scene.tsx'));

export default function ModelViewer(props: ModelViewerProps) {
  const { lang, hotspots, tour } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const overlayRef = useRef<HTMLDivElement>(null);
  const scaleBarRef = useRef<ScaleBarHandle>(null);
  const controller = useRef<ViewerController | null>(null);
  const load = useLoad(rootRef);
  const reducedMotion = useReducedMotion();
  const [fullscreen, toggleFullscreen] = useFullscreen(rootRef);
  const detail = useLevels(props.levels, props.bbox, rootRef, fullscreen);
  // Once a level is on screen, loading another is the detail control's business.
  const upgrading = detail.state.shown >= 0;
  const [look, changeLook] = useReducer(mergeLook, lookInitial);
  const [autoRotate, setAutoRotate] = useState(false);
  const { selected, setSelected, viewOf, choose } = useHotspots(hotspots, props.bbox, controller);
  const [{ mode, measure }, dispatchMode] = useReducer(modeReducer, modeInitial);
  const authoring = useAuthoring(controller, hotspots);
  const scale = useMemo(
    () => cmPerUnit(props.dimensions, props.bbox.size),
    [props.dimensions, props.bbox],
  );
  /** Element ids, unique on a page with several viewers. */
  const id = (part: string) => `${props.uid}-${part}`;

  useEffect(() => {
    if (reducedMotion) setAutoRotate(false);
  }, [reducedMotion]);

  const onView = useCallback(
    (view: CameraView, pxPerUnit: number) => {
      const root = rootRef.current;
      if (root) root.dataset['camera'] = viewAttribute(view);
      scaleBarRef.current?.show(pxPerUnit);
      detail.onView(view);
    },
    [detail.onView],
  );

  const anchors = useMemo<Anchor[]>(
    () => [
      ...hotspots.map((h) => ({ position: h.position, normal: h.normal })),
      ...measure.map((position) => ({ position })),
    ],
    [hotspots, measure],
  );

  const showStep = useCallback(
    (step: ViewerTourStep) => {
      if (step.lighting) changeLook({ lighting: step.lighting });
      setSelected(step.hotspot ?? null);
      const view = step.camera ?? (step.hotspot ? viewOf(step.hotspot) : undefined);
      if (view) controller.current?.goTo(view);
    },
    [viewOf],
  );
  const guided = useTour(tour, showStep);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const c = controller.current;
    const action = keyAction(event.key, event.shiftKey);
    if (!c || !action) return;
    const leaveMode = () => dispatchMode({ type: 'leave' });
    if (performKeyAction(action, { controller: c, mode, leaveMode, hotspots, choose }))
      event.preventDefault();
  }

  const pointer = usePick(mode, controller, (hit) => {
    if (mode === 'measure') dispatchMode({ type: 'measure', point: hit.point });
    else authoring.copyHotspot(hit);
  });

  const canRender = showsScene(load.state);

  return (
    <div
      ref={rootRef}
      className={`mv mv-bg-${look.background}`}
      data-viewer-state="waiting"
      data-lighting={look.lighting}
      data-selected={selected ?? ''}
      data-tour-step={guided.state.index}
    >
      <p id={id('instructions')} className="visually-hidden">
        {tr(lang, 'instructions')}
      </p>
      <div
        className="mv-stage"
        data-mode={mode}
        role="application"
        aria-roledescription={tr(lang, 'viewer')}
        aria-label={props.label}
        aria-describedby={id('instructions')}
        tabIndex={canRender ? 0 : -1}
        hidden={!canRender}
        onKeyDown={onKeyDown}
        onPointerDown={pointer.onPointerDown}
        onPointerUp={pointer.onPointerUp}
      >
        {canRender && (
          <Boundary key={load.state.attempt} onError={(e) => load.fail('webgl', e)}>
            <Suspense fallback={null}>
              <Scene
                level={detail.level}
                bbox={props.bbox}
                lighting={look.lighting}
                rakingAzimuth={look.azimuth}
                rakingElevation={look.elevation}
                background={look.background}
                controls={{ autoRotate, reducedMotion, anchors, overlay: overlayRef, controller }}
                onProgress={upgrading ? detail.onProgress : load.onProgress}
                onShown={detail.onShown}
                onReady={load.onReady}
                onError={(kind, e) =>
                  upgrading && kind === 'load' ? detail.onFailed(e) : load.fail(kind, e)
                }
                onView={onView}
              />
            </Suspense>
          </Boundary>
        )}
        <Overlay
          ref={overlayRef}
          hotspots={hotspots}
          measure={measure}
          selected={selected}
          onChoose={choose}
        />
        <ScaleBar ref={scaleBarRef} lang={lang} scale={scale} />
      </div>

      <StatusLine
        id={id('status')}
        lang={lang}
        load={load.state}
        bytes={props.levels[0]!.bytes}
        onAction={(type) => load.dispatch({ type })}
      />

      {load.live && (
        <Toolbar
          lang={lang}
          look={look}
          onLook={changeLook}
          autoRotate={autoRotate}
          onAutoRotate={() => setAutoRotate((v) => !v)}
          fullscreen={fullscreen}
          onFullscreen={toggleFullscreen}
          mode={mode}
          onMode={(m) => dispatchMode({ type: 'toggle', mode: m })}
          onReset={() => controller.current?.reset()}
        />
      )}

      {mode === 'measure' && <MeasureNote lang={lang} points={measure} cmPerUnit={scale.value} />}

      {import.meta.env.DEV && mode === 'author' && (
        <AuthorPanel
          lang={lang}
          controller={controller}
          lighting={look.lighting}
          selected={selected}
          copied={authoring.copied}
          copy={authoring.copy}
        />
      )}

      {load.live && hotspots.length > 0 && (
        <AnnotationPanel
          id={id('annotations')}
          lang={lang}
          hotspots={hotspots}
          selected={selected}
          onChoose={choose}
        />
      )}

      {load.live && tour.length > 0 && (
        <TourPanel
          id={id('tour')}
          lang={lang}
          length={tour.length}
          state={guided.state}
          step={guided.step}
          dispatch={guided.dispatch}
          onEnd={() => {
            guided.dispatch({ type: 'stop' });
            setSelected(null);
          }}
        />
      )}

      {load.live && props.levels.length > 1 && (
        <DetailControl
          lang={lang}
          levels={props.levels}
          state={detail.state}
          onFull={() => detail.raise('request')}
        />
      )}
    </div>
  );
}
