import { useEffect, useState } from 'react';
import { Button } from '@/components/button';

/** Monospace text with a Copy button. The text is rendered as text, never as HTML. */
export function CodeBlock({ code, label, testId }: { code: string; label: string; testId?: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 3000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div className="flex flex-col gap-2">
      <pre
        data-testid={testId}
        aria-label={label}
        tabIndex={0}
        className="max-h-96 overflow-auto rounded-md border border-border bg-surface-sunken p-3 font-mono text-sm whitespace-pre text-fg"
      >
        <code>{code}</code>
      </pre>
      <div className="flex items-center gap-3">
        <Button
          variant="secondary"
          onClick={() => {
            navigator.clipboard.writeText(code).then(
              () => setCopied('copied'),
              () => setCopied('failed'),
            );
          }}
        >
          Copy<span className="sr-only"> {label}</span>
        </Button>
        <span role="status" className="text-sm text-fg-muted">
          {copied === 'copied'
            ? 'Copied to the clipboard.'
            : copied === 'failed'
              ? 'The browser did not allow copying: select the text instead.'
              : ''}
        </span>
      </div>
    </div>
  );
}
