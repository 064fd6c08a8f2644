import { createFileRoute } from '@tanstack/react-router';
import { OverviewPage } from '@/features/overview/overview-page';

export const Route = createFileRoute('/apis/$restApiId/overview')({
  component: RouteComponent,
});

function RouteComponent() {
  return <OverviewPage target={Route.useParams()} />;
}
