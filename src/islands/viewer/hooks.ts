/** Small browser-facing hooks of the viewer's shell. */
import { useCallback, useEffect, useState, type RefObject } from 'react';

/** Whether the visitor asks for reduced motion (follows changes of the setting). */
export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const motion = matchMedia('(prefers-reduced-motion: reduce)');
    const update = () => setReduced(motion.matches);
    update();
    motion.addEventListener('change', update);
    return () => motion.removeEventListener('change', update);
  }, []);
  return reduced;
}

/** Whether `root` is full screen, and a toggle for it. */
export function useFullscreen(root: RefObject<HTMLElement | null>): [boolean, () => void] {
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === root.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [root]);
  const toggle = useCallback(() => {
    const element = root.current;
    if (!element) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void element.requestFullscreen?.().catch(() => undefined);
  }, [root]);
  return [fullscreen, toggle];
}

export interface Copied {
  text: string;
  /** False when the clipboard refused: the text is shown to copy by hand. */
  copied: boolean;
}

/** The last text put on the clipboard for the curator (authoring mode), and how to put one. */
export function useClipboard(): [Copied | null, (text: string) => Promise<void>] {
  const [copied, setCopied] = useState<Copied | null>(null);
  const copy = useCallback(async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ text, copied: true });
    } catch {
      setCopied({ text, copied: false });
    }
  }, []);
  return [copied, copy];
}
