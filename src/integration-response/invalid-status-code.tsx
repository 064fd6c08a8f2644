import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useConnection } from '@/api/connection-provider';
import { resourcesQueryOptions } from '@/api/queries';
import { methodRefOf, type ResponseRef } from '@/api/refs';
import { PageLayout } from '@/components/page-layout';

/**
 * The editor's and the review's address with a status code AWS would reject (`[1-5]\d\d`, src/rules/status-code.ts):
 * a page not found, with the way back to the method's status codes, instead of an editor for a response that can
 * never exist.
 */
export function InvalidStatusCode({ target }: { target: ResponseRef }) {
  const { client, scope } = useConnection();
  const { httpMethod, statusCode } = target;
  const path = useQuery(resourcesQueryOptions(client, scope, target)).data?.find(
    (r) => r.id === target.resourceId,
  )?.path;
  return (
    <PageLayout title="Page not found">
      <p className="max-w-prose text-fg">
        Status code <code className="font-mono break-all">{statusCode}</code> is not a valid HTTP status code. API
        Gateway&apos;s status codes are three digits from 100 to 599, like 404.
      </p>
      <p>
        <Link
          to="/apis/$restApiId/resources/$resourceId/methods/$httpMethod"
          params={methodRefOf(target)}
          className="font-medium text-accent underline underline-offset-2 hover:text-accent-hover"
        >
          Choose a status code of {httpMethod}
          {path === undefined ? '' : ` ${path}`}
        </Link>
      </p>
    </PageLayout>
  );
}
