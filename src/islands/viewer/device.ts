/** What the browser can do and asks for, checked before the three.js scene is loaded. */
import type { ErrorKind } from '../../lib/viewer/loading.ts';

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

/** Whether to load the model now, wait for a click (saving data), or not at all (and why). */
export function loadDecision(): 'load' | 'save-data' | ErrorKind {
  if (!hasWebGL()) return 'webgl';
  if (lowMemory()) return 'memory';
  if (wantsSavedData()) return 'save-data';
  return 'load';
}
