/**
 * The viewer's live status line: loading progress, the save-data button, and for a failure a
 * plain message (the poster stays as the fallback) with a way to try again where that can help.
 */
import type { ErrorKind, LoadState } from '../../lib/viewer/loading.ts';
import type { ViewerLang } from '../../lib/viewer/types.ts';
import { tr, type StringKey } from './strings.ts';

const MESSAGE: Record<ErrorKind, StringKey> = {
  webgl: 'noWebgl',
  context: 'contextLost',
  memory: 'lowMemory',
  load: 'loadError',
};

/** What the button after a message does: mount the scene afresh, or load despite the warning. */
const RECOVERY: Partial<Record<ErrorKind, { label: StringKey; action: 'retry' | 'start' }>> = {
  context: { label: 'retry', action: 'retry' },
  load: { label: 'retry', action: 'retry' },
  memory: { label: 'loadAnyway', action: 'start' },
};

export default function StatusLine(props: {
  id: string;
  lang: ViewerLang;
  load: LoadState;
  /** Size of the model, shown on the save-data button. */
  bytes: number;
  onAction: (action: 'retry' | 'start') => void;
}) {
  const { lang, load } = props;
  const { status, progress, errorKind } = load;
  const recovery = errorKind ? RECOVERY[errorKind] : undefined;
  return (
    <div id={props.id} className="mv-status" role="status" aria-live="polite">
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
      {status === 'waiting' && load.savingData && (
        <>
          <span>{tr(lang, 'saveData')} </span>
          <button type="button" className="mv-button" onClick={() => props.onAction('start')}>
            {tr(lang, 'loadButton')} ({(props.bytes / 1048576).toFixed(1)} MB)
          </button>
        </>
      )}
      {status === 'error' && errorKind && (
        <span className="mv-message" data-viewer-fallback>
          {tr(lang, MESSAGE[errorKind])}{' '}
          {recovery && (
            <button
              type="button"
              className="mv-button"
              onClick={() => props.onAction(recovery.action)}
            >
              {tr(lang, recovery.label)}
            </button>
          )}
        </span>
      )}
    </div>
  );
}
