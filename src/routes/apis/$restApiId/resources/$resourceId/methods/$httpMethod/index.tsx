import { createFileRoute } from '@tanstack/react-router';
import { StatusCodeStep } from '../../../../../../../features/wizard/status-code-step';

export const Route = createFileRoute('/apis/$restApiId/resources/$resourceId/methods/$httpMethod/')({
  component: RouteComponent,
});

function RouteComponent() {
  const { restApiId, resourceId, httpMethod } = Route.useParams();
  return <StatusCodeStep restApiId={restApiId} resourceId={resourceId} httpMethod={httpMethod} />;
}
