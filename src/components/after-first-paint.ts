/**
 * Runs `fn` once the page's first contentful paint is on screen, and returns a function that cancels it.
 *
 * The paint is known from Paint Timing's `first-contentful-paint` entry, which the browser reports once the frame has
 * been presented; `requestAnimationFrame` only says a frame is about to be drawn, and the frame can reach the screen a
 * few frames later on a busy device. Work started after the entry (fetching the router's code, the page's reads) does
 * not compete with the page's first paint. Where Paint Timing is not available, after the next frame.
 */
export function afterFirstContentfulPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  let observer: PerformanceObserver | undefined;
  // A task of its own, so that `fn` does not run inside the observer's or the frame's callback.
  const run = () => {
    observer?.disconnect();
    timer ??= setTimeout(fn, 0);
  };
  if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('paint')) {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) run();
    });
    // `buffered`: a paint that happened before this call is reported too.
    observer.observe({ type: 'paint', buffered: true });
  } else {
    frame = requestAnimationFrame(run);
  }
  return () => {
    observer?.disconnect();
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
