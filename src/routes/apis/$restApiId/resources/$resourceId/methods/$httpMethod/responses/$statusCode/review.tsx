import { createFileRoute } from '@tanstack/react-router';
import { ValidStatusCodeOnly } from '@/integration-response/valid-status-code-only';
import { ReviewPage } from '@/features/review/review-page';

export const Route = createFileRoute(
  '/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode/review',
)({
  component: RouteComponent,
});

function RouteComponent() {
  const target = Route.useParams();
  return (
    <ValidStatusCodeOnly target={target}>
      <ReviewPage target={target} />
    </ValidStatusCodeOnly>
  );
}
