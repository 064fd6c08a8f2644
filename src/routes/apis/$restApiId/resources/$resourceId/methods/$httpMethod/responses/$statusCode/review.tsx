import { createFileRoute } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { isValidStatusCode } from '@/rules/status-code';
import { ReviewPage } from '@/features/review/review-page';

// Only an address with a status code AWS would reject shows it: not part of the page's own scripts.
const InvalidStatusCode = lazy(() =>
  import('@/integration-response/invalid-status-code').then((m) => ({ default: m.InvalidStatusCode })),
);

export const Route = createFileRoute(
  '/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode/review',
)({
  component: RouteComponent,
});

function RouteComponent() {
  const target = Route.useParams();
  // A status code AWS would reject can have no integration response: not found, rather than a page for it.
  if (!isValidStatusCode(target.statusCode))
    return (
      <Suspense fallback={null}>
        <InvalidStatusCode target={target} />
      </Suspense>
    );
  return <ReviewPage target={target} />;
}
