import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { PageErrorBoundary } from './page-error-boundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new Error('list state is <b>corrupt</b>');
}

test('a page that throws while rendering shows the error as text and a way to reload, not an empty window', () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <main>
      <PageErrorBoundary>
        <Broken />
      </PageErrorBoundary>
    </main>,
  );
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('This page could not be shown');
  expect(alert).toHaveTextContent('list state is <b>corrupt</b>');
  expect(alert.querySelector('b')).toBeNull();
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
});

test('a page that renders is shown as it is', () => {
  render(
    <PageErrorBoundary>
      <p>The list</p>
    </PageErrorBoundary>,
  );
  expect(screen.getByText('The list')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).toBeNull();
});
