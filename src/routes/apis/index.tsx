import { createFileRoute } from '@tanstack/react-router';
import { RestApisStep } from '@/features/wizard/rest-apis-step';
import { restApisQueryOptions } from '@/api/queries';

export const Route = createFileRoute('/apis/')({
  loader: ({ context: { queryClient, connection } }) => {
    // Starts the page's request while its code chunk is still loading. Not awaited and prefetchQuery never throws,
    // so the page still shows its own loading and error states (with Retry); the query key carries the scope.
    if (connection) void queryClient.prefetchQuery(restApisQueryOptions(connection.client, connection.scope));
  },
  component: RestApisStep,
});
