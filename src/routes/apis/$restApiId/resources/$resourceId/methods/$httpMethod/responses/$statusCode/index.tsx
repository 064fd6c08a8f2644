import { createFileRoute } from '@tanstack/react-router';
import { EditorPage } from '@/features/editor/editor-page';

export const Route = createFileRoute(
  '/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode/',
)({
  component: RouteComponent,
});

function RouteComponent() {
  const { restApiId, resourceId, httpMethod, statusCode } = Route.useParams();
  return <EditorPage restApiId={restApiId} resourceId={resourceId} httpMethod={httpMethod} statusCode={statusCode} />;
}
