// Loaded lazily (React.lazy in template-field.tsx): CodeMirror is the heaviest dependency of the editor and
// is only needed once a template is on screen.
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { velocity } from '@codemirror/legacy-modes/mode/velocity';
import { tags } from '@lezer/highlight';
import CodeMirror, { EditorView, ExternalChange, ViewPlugin } from '@uiw/react-codemirror';
import type { ViewUpdate } from '@uiw/react-codemirror';
import { useLayoutEffect, useMemo, useState } from 'react';

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

// A module constant: @uiw/react-codemirror reconfigures the whole editor (every extension rebuilt, ~8 ms on a
// 300 KB template) whenever this object or its onChange prop is a new one, i.e. on every render otherwise.
const basicSetup = {
  lineNumbers: true,
  foldGutter: false,
  highlightActiveLine: false,
  autocompletion: false,
  syntaxHighlighting: false,
  searchKeymap: false,
} as const;

/** Forwards the editor's changes to the latest onChange prop, from one listener that never needs replacing. */
class ChangeSink {
  private handler: (value: string) => void = () => undefined;
  follow(handler: (value: string) => void) {
    this.handler = handler;
  }
  emit(value: string) {
    this.handler(value);
  }
}

export default function VelocityCodeEditor({
  id,
  value,
  onChange,
  onBlur,
  label,
  describedBy,
  invalid,
}: VelocityCodeEditorProps) {
  // Changes reach the parent through our own listener rather than @uiw's onChange prop: that one must be a stable
  // function (see basicSetup) and, on every keystroke, starts a 1 ms interval timer to tell typing from
  // prop updates; the form takes each change synchronously, so the value prop never lags behind the document.
  const [sink] = useState(() => new ChangeSink());
  useLayoutEffect(() => {
    sink.follow(onChange);
  });
  const extensions = useMemo(
    () => [
      velocityLanguage,
      syntaxHighlighting(highlight),
      theme,
      cursorBlink,
      EditorView.updateListener.of((update) => {
        // A change made to follow the value prop is not the user's: don't echo it back.
        if (update.docChanged && !update.transactions.some((tr) => tr.annotation(ExternalChange)))
          sink.emit(update.state.doc.toString());
      }),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        id,
        'aria-label': label,
        'aria-multiline': 'true',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
      }),
    ],
    [id, label, describedBy, invalid, sink],
  );
  return (
    <CodeMirror
      value={value}
      onBlur={onBlur}
      theme="none"
      extensions={extensions}
      // Tab must move focus for keyboard-only users; indenting is done with spaces.
      indentWithTab={false}
      basicSetup={basicSetup}
      data-testid="velocity-code-editor"
    />
  );
}
