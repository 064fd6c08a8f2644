import { createFileRoute } from '@tanstack/react-router';
import { EditorPage } from '@/features/editor/editor-page';

export const Route = createFileRoute(
  '/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode/',
)({
  component: RouteComponent,
});

function RouteComponent() {
  return <EditorPage target={Route.useParams()} />;
}
