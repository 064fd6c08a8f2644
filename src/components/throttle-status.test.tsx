import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { beginThrottleWait } from '@/api/throttle-waits';
import { ThrottleStatus } from './throttle-status';

afterEach(cleanup);

test("says the page is waiting for AWS's request limit while any request waits, and nothing otherwise", () => {
  render(<ThrottleStatus />);
  const status = screen.getByRole('status', { hidden: true });
  expect(status).toBeEmptyDOMElement();

  let endFirst = () => undefined as void;
  let endSecond = () => undefined as void;
  act(() => {
    endFirst = beginThrottleWait();
    endSecond = beginThrottleWait();
  });
  expect(status).toHaveTextContent("Waiting for AWS's request limit…");
  expect(status).toHaveTextContent('nothing is lost');

  // One of two waits is over: still waiting.
  act(() => endFirst());
  act(() => endFirst());
  expect(status).toHaveTextContent("Waiting for AWS's request limit…");
  act(() => endSecond());
  expect(status).toBeEmptyDOMElement();
});
