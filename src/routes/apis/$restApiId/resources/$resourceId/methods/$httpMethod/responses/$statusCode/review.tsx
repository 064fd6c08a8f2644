import { createFileRoute } from '@tanstack/react-router';
import { ReviewPage } from '@/features/review/review-page';

export const Route = createFileRoute(
  '/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode/review',
)({
  component: RouteComponent,
});

function RouteComponent() {
  return <ReviewPage target={Route.useParams()} />;
}
