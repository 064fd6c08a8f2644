import { createFileRoute } from '@tanstack/react-router';
import { ResourcesStep } from '@/features/wizard/resources-step';
import { resourcesQueryOptions } from '@/api/queries';

export const Route = createFileRoute('/apis/$restApiId/')({
  loader: ({ context: { queryClient, connection }, params }) => {
    // Starts the page's request while its code chunk is still loading. Not awaited and prefetchQuery never throws,
    // so the page still shows its own loading and error states (with Retry); the query key carries the scope.
    if (connection) void queryClient.prefetchQuery(resourcesQueryOptions(connection.client, connection.scope, params));
  },
  component: RouteComponent,
});

function RouteComponent() {
  return <ResourcesStep target={Route.useParams()} />;
}
