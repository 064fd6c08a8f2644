// Loaded on demand (template-fields.tsx): CodeMirror is the heaviest dependency of the editor and
// is only needed once a template is on screen.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  StreamLanguage,
  syntaxHighlighting,
} from '@codemirror/language';
import { velocity } from '@codemirror/legacy-modes/mode/velocity';
import { tags } from '@lezer/highlight';
import { EditorState } from '@codemirror/state';
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
  ViewPlugin,
} from '@codemirror/view';
import type { ViewUpdate } from '@codemirror/view';
import { useMemo, useRef } from 'react';
import { useCodeMirror } from './use-code-mirror';

export interface VelocityCodeEditorProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Accessible name of the editing surface (CodeMirror's contenteditable, not a native textarea). */
  label: string;
  describedBy?: string;
  invalid?: boolean;
}

const velocityLanguage = StreamLanguage.define(velocity);

// Colours come from the app's tokens so that light/dark and contrast follow the one visual system.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword], color: 'var(--accent)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--success)' },
  { tag: [tags.variableName, tags.propertyName], color: 'var(--warning)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--fg-muted)', fontStyle: 'italic' },
  { tag: [tags.number, tags.bool, tags.atom], color: 'var(--danger)' },
]);

// CodeMirror blinks its drawn cursor with an infinite CSS opacity animation, which makes the compositor produce a
// frame for every display refresh for as long as the editor has focus (all the time while typing), or, in a
// browser not tied to vsync, as fast as it can: a whole core here, taken from the preview worker and the main
// thread. A timer toggling the cursor's visibility gives the same 1.2 s blink with two repaints per period, like
// the browser's own caret in a textarea.
const BLINK_HALF_PERIOD_MS = 600;
const cursorBlink = ViewPlugin.fromClass(
  class {
    private timer: ReturnType<typeof setInterval> | undefined;
    constructor(private readonly view: EditorView) {
      this.restart();
    }
    update(update: ViewUpdate) {
      // As CodeMirror does: the cursor shows steadily again after each edit or move, then resumes blinking.
      if (update.docChanged || update.selectionSet || update.focusChanged) this.restart();
    }
    restart() {
      this.stop();
      this.view.dom.classList.remove('irs-cursor-hidden');
      if (!this.view.hasFocus) return;
      this.timer = setInterval(() => this.view.dom.classList.toggle('irs-cursor-hidden'), BLINK_HALF_PERIOD_MS);
    }
    stop() {
      if (this.timer !== undefined) clearInterval(this.timer);
      this.timer = undefined;
    }
    destroy() {
      this.stop();
    }
  },
);

const theme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--surface-raised)',
    color: 'var(--fg)',
    fontSize: '14px',
    border: '1px solid var(--border-strong)',
    borderRadius: '6px',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--fg)', minHeight: '8rem' },
  '.cm-gutters': {
    backgroundColor: 'var(--surface-sunken)',
    color: 'var(--fg-muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--surface-sunken)', color: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--accent-soft)',
  },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  // !important: CodeMirror sets the animation's name inline on each selection change to restart it.
  '&.cm-focused > .cm-scroller > .cm-cursorLayer': { animation: 'none !important' },
  '&.irs-cursor-hidden > .cm-scroller > .cm-cursorLayer': { visibility: 'hidden' },
});

// What the editor offers: line numbers, undo, bracket matching, multiple selections. Tab is not bound (the default
// keymap leaves it alone), so it moves focus for keyboard-only users; indenting is done with spaces.
const fixedExtensions = [
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightSpecialChars(),
  history(),
  drawSelection(),
  dropCursor(),
  EditorState.allowMultipleSelections.of(true),
  indentOnInput(),
  bracketMatching(),
  rectangularSelection(),
  keymap.of([...defaultKeymap, ...historyKeymap]),
  velocityLanguage,
  syntaxHighlighting(highlight),
  theme,
  cursorBlink,
  EditorView.lineWrapping,
];

export default function VelocityCodeEditor({
  id,
  value,
  onChange,
  onBlur,
  label,
  describedBy,
  invalid,
}: VelocityCodeEditorProps) {
  const parent = useRef<HTMLDivElement>(null);
  // The accessible name and state of the editing surface change with the form's messages; only they are swapped.
  const attributes = useMemo(
    () =>
      EditorView.contentAttributes.of({
        id,
        'aria-label': label,
        'aria-multiline': 'true',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
      }),
    [id, label, describedBy, invalid],
  );
  useCodeMirror(parent, { value, onChange, onBlur, extensions: fixedExtensions, dynamic: attributes });
  return <div ref={parent} data-testid="velocity-code-editor" />;
}
