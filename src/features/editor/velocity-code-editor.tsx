// Loaded lazily (React.lazy in template-field.tsx): CodeMirror is the heaviest dependency of the editor and
// is only needed once a template is on screen.
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { velocity } from '@codemirror/legacy-modes/mode/velocity';
import { tags } from '@lezer/highlight';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo } from 'react';

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
  '.cm-gutters': { backgroundColor: 'var(--surface-sunken)', color: 'var(--fg-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--surface-sunken)', color: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--accent-soft)' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
});

export default function VelocityCodeEditor({ id, value, onChange, onBlur, label, describedBy, invalid }: VelocityCodeEditorProps) {
  const extensions = useMemo(
    () => [
      velocityLanguage,
      syntaxHighlighting(highlight),
      theme,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        id,
        'aria-label': label,
        'aria-multiline': 'true',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
      }),
    ],
    [id, label, describedBy, invalid],
  );
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      theme="none"
      extensions={extensions}
      // Tab must move focus for keyboard-only users; indenting is done with spaces.
      indentWithTab={false}
      basicSetup={{
        lineNumbers: true,
        foldGutter: false,
        highlightActiveLine: false,
        autocompletion: false,
        syntaxHighlighting: false,
        searchKeymap: false,
      }}
      data-testid="velocity-code-editor"
    />
  );
}
