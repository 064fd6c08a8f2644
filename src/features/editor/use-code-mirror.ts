// A CodeMirror 6 view owned by a React component: created once on mount, fed the value prop, and reconfigured only
// through the compartment the caller asks for. A wrapper library would rebuild every extension whenever its props
// changed identity and bundles autocomplete, lint and search, which this editor does not use.
import { Annotation, Compartment, EditorState } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/** Marks the transactions that make the document follow the value prop, so they are not reported as edits. */
const followValue = Annotation.define<boolean>();

interface Callbacks {
  onChange: (value: string) => void;
  onBlur?: () => void;
}

export interface UseCodeMirrorOptions extends Callbacks {
  value: string;
  /** Fixed for the view's lifetime (read on mount only). */
  extensions: Extension;
  /** Extensions that may change between renders (swapped in place, the document and history stay). */
  dynamic: Extension;
}

export function useCodeMirror(
  parent: RefObject<HTMLElement | null>,
  { value, extensions, dynamic, onChange, onBlur }: UseCodeMirrorOptions,
): void {
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, read by listeners installed once at mount.
  const callbacks = useRef<Callbacks>({ onChange, onBlur });
  const [compartment] = useState(() => new Compartment());
  useLayoutEffect(() => {
    callbacks.current = { onChange, onBlur };
  });

  // Mount and unmount only: value and dynamic extensions are applied by the effects below.
  useLayoutEffect(() => {
    const dom = parent.current;
    if (!dom) return;
    const created = new EditorView({
      parent: dom,
      state: EditorState.create({
        doc: value,
        extensions: [
          extensions,
          compartment.of(dynamic),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((tr) => tr.annotation(followValue)))
              callbacks.current.onChange(update.state.doc.toString());
            if (update.focusChanged && !update.view.hasFocus) callbacks.current.onBlur?.();
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the view is created once; later values arrive through the effects below
  }, []);

  useLayoutEffect(() => {
    const v = view.current;
    if (!v) return;
    // The form takes each change synchronously, so a differing value prop is a change from outside (reset, draft).
    const current = v.state.doc.toString();
    if (current !== value)
      v.dispatch({ changes: { from: 0, to: current.length, insert: value }, annotations: followValue.of(true) });
  }, [value]);

  const applied = useRef(dynamic);
  useLayoutEffect(() => {
    if (applied.current === dynamic) return;
    applied.current = dynamic;
    view.current?.dispatch({ effects: compartment.reconfigure(dynamic) });
  }, [dynamic, compartment]);
}
