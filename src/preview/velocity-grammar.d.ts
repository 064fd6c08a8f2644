// Types for the vendored jison parser in velocity-grammar.js (see the note at the top of that file).
export interface VelocityNodePos {
  first_line: number;
  first_column: number;
}

export interface VelocityNode {
  type: string;
  id?: string;
  pos?: VelocityNodePos;
}

/** The flat statement list: text runs are plain strings, everything else a node (blocks not yet nested). */
export type RawVelocityNode = string | VelocityNode;

export interface VelocityParseErrorHash {
  text?: string;
  token?: string | number | null;
  expected?: string[];
  /** Index into the template where the offending input starts (added by our vendored copy). */
  offset?: number;
}

export declare function parseVelocityTokens(template: string): RawVelocityNode[];
