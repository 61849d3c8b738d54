/** What the browser can do and asks for, checked before the three.js scene is loaded. */
import type { DeviceHints } from '../../lib/viewer/levels.ts';
import type { ErrorKind } from '../../lib/viewer/loading.ts';

interface NetworkInformation {
  saveData?: boolean;
  effectiveType?: string;
}

const connection = () => (navigator as Navigator & { connection?: NetworkInformation }).connection;
const deviceMemory = () => (navigator as Navigator & { deviceMemory?: number }).deviceMemory;

function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

function wantsSavedData(): boolean {
  return Boolean(connection()?.saveData) || matchMedia('(prefers-reduced-data: reduce)').matches;
}

function lowMemory(): boolean {
  const memory = deviceMemory();
  return typeof memory === 'number' && memory < 2;
}

/** Device memory and connection, for choosing how much detail to load unasked. */
export function deviceHints(): DeviceHints {
  return {
    memoryGb: deviceMemory(),
    saveData: wantsSavedData(),
    effectiveType: connection()?.effectiveType,
  };
}

/** Whether to load the model now, wait for a click (saving data), or not at all (and why). */
export function loadDecision(): 'load' | 'save-data' | ErrorKind {
  if (!hasWebGL()) return 'webgl';
  if (lowMemory()) return 'memory';
  if (wantsSavedData()) return 'save-data';
  return 'load';
}
