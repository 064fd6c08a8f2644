import { createFileRoute } from '@tanstack/react-router';
import { ValidStatusCodeOnly } from '@/integration-response/valid-status-code-only';
import { EditorPage } from '@/features/editor/editor-page';

export const Route = createFileRoute(
  '/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode/',
)({
  component: RouteComponent,
});

function RouteComponent() {
  const target = Route.useParams();
  return (
    <ValidStatusCodeOnly target={target}>
      <EditorPage target={target} />
    </ValidStatusCodeOnly>
  );
}
