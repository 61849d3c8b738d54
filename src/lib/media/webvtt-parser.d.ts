/**
 * Declarations for the W3C's WebVTT parser (webvtt-parser, the parser behind the W3C validator).
 * Pure: types only.
 */
declare module 'webvtt-parser' {
  export interface WebVTTError {
    message: string;
    /** 1-based line of the file. */
    line: number;
    col?: number;
  }
  export interface WebVTTNode {
    type: 'text' | 'object' | 'timestamp';
    name?: string;
    value?: string;
    children?: WebVTTNode[];
  }
  export interface WebVTTCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: WebVTTNode[] };
  }
  export class WebVTTParser {
    /** Character references and what they stand for (the default table is used when absent). */
    constructor(entities?: Record<string, string>);
    parse(
      input: string,
      mode?: 'subtitles' | 'chapters' | 'metadata',
    ): { cues: WebVTTCue[]; errors: WebVTTError[]; time: number };
  }
  const parser: { WebVTTParser: typeof WebVTTParser };
  export default parser;
}
