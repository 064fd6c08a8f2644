import { createFileRoute } from '@tanstack/react-router';
import { MethodsStep } from '../../../../../features/wizard/methods-step';

export const Route = createFileRoute('/apis/$restApiId/resources/$resourceId/')({
  component: RouteComponent,
});

function RouteComponent() {
  const { restApiId, resourceId } = Route.useParams();
  return <MethodsStep restApiId={restApiId} resourceId={resourceId} />;
}
