import { createFileRoute } from '@tanstack/react-router';
import { InvalidStatusCode } from '@/integration-response/invalid-status-code';
import { isValidStatusCode } from '@/rules/status-code';
import { ReviewPage } from '@/features/review/review-page';

export const Route = createFileRoute(
  '/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode/review',
)({
  component: RouteComponent,
});

function RouteComponent() {
  const target = Route.useParams();
  // A status code AWS would reject can have no integration response: not found, rather than a page for it.
  if (!isValidStatusCode(target.statusCode)) return <InvalidStatusCode target={target} />;
  return <ReviewPage target={target} />;
}
