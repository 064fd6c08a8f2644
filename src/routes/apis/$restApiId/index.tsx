import { createFileRoute } from '@tanstack/react-router';
import { ResourcesStep } from '../../../features/wizard/resources-step';

export const Route = createFileRoute('/apis/$restApiId/')({
  component: RouteComponent,
});

function RouteComponent() {
  const { restApiId } = Route.useParams();
  return <ResourcesStep restApiId={restApiId} />;
}
