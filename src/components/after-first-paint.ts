/**
 * Runs `fn` once the page's first contentful paint is on screen, and returns a function that cancels it.
 *
 * The paint is known from Paint Timing's `first-contentful-paint` entry, which the browser reports once the frame has
 * been presented; `requestAnimationFrame` only says a frame is about to be drawn, and the frame can reach the screen a
 * few frames later on a busy device. Work started after the entry (fetching the router's code, the page's reads) does
 * not compete with the page's first paint. Where Paint Timing is not available, after the next frame.
 */
export function afterFirstContentfulPaint(fn: () => void): () => void {
  if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('paint')) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task of its own, so that `fn` does not run inside the observer's callback.
    const run = () => {
      observer.disconnect();
      timer ??= setTimeout(fn, 0);
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) run();
    });
    // `buffered`: a paint that happened before this call is reported too.
    observer.observe({ type: 'paint', buffered: true });
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }
  return afterNextFrame(fn);
}

/**
 * Runs `fn` in a task of its own once the frame the browser is preparing now has been drawn (the frame callback runs
 * just before that frame is painted, the task it queues after), and returns a function that cancels it.
 */
export function afterNextFrame(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
