import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { afterNextFrame } from './after-first-paint';

// Parts waiting for their turn, in the order they mounted (React runs sibling effects in tree order, children
// before their parents, so a page's parts queue top to bottom).
const waiting: (() => void)[] = [];
let running = false;

// One part per task: its render and commit in one, then the browser's style, layout and paint of it in the frame
// after, then the next part.
function next() {
  const reveal = waiting.shift();
  if (!reveal) {
    running = false;
    return;
  }
  reveal();
  afterNextFrame(next);
}

function enqueue(reveal: () => void) {
  waiting.push(reveal);
  if (running) return;
  running = true;
  // The first part waits for the frame the page is drawing now, like each later one.
  afterNextFrame(next);
}

/**
 * false until the parts queued before this one have mounted and been drawn, then true (in a task of its own): for
 * work that should wait its turn without being a part, such as starting what a part shows once it is on screen.
 * `inTurn={false}` is true at once.
 */
export function useInTurn(inTurn = true): boolean {
  const [shown, setShown] = useState(!inTurn);
  useEffect(() => {
    if (shown) return;
    let live = true;
    enqueue(() => {
      // Synchronously, so that this part's commit is in this task and the next part's is not.
      if (live) flushSync(() => setShown(true));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- queued once, on mount
  }, []);
  return shown;
}

/**
 * Mounts its children once the parts queued before it have mounted and been drawn, one part per task. A large form
 * mounted at once is one long task for its commit and another for its style and layout (at a phone's CPU speed,
 * hundreds of milliseconds each, during which a tap or a key waits); in parts, each task stays short and the page
 * answers between them. Parts should follow each other down the page, below what is already shown, so that nothing
 * on screen moves when one arrives.
 *
 * `inTurn={false}` mounts the children at once (component tests, which render without frames).
 */
export function InTurn({
  children,
  inTurn = true,
  fallback = null,
}: {
  children: ReactNode;
  inTurn?: boolean;
  /** Shown until then (a loading line that the part replaces). */
  fallback?: ReactNode;
}) {
  return useInTurn(inTurn) ? children : fallback;
}
