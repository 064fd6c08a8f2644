import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { useConnection } from '@/api/connection-provider';
import type { RestApi } from '@/api/models';
import { restApisQueryOptions } from '@/api/queries';
import { AppLink } from '@/components/app-link';
import { resourcesPath } from '@/components/app-paths';
import { Badge } from '@/components/badge';
import { FilterInput } from '@/components/filter-input';
import { PageLayout } from '@/components/page-layout';
import { EmptyState, QueryState } from '@/components/query-state';
import { ImportPanel } from '@/import-export/import-panel';
import { formatAwsDate } from './format';
import { filterAndSortRestApis, type Sort, type SortKey } from './rest-api-list';

export function RestApisStep() {
  const { client, scope } = useConnection();
  const query = useQuery(restApisQueryOptions(client, scope));
  return (
    <PageLayout step={1} title="Choose an API" intro="Pick the REST API whose integration response you want to edit.">
      <ImportPanel />
      <QueryState
        query={query}
        context="the list of APIs"
        loadingLabel="Loading APIs…"
        isEmpty={(apis) => apis.length === 0}
        empty={
          <EmptyState title="This target has no REST APIs">
            Import an OpenAPI file above, create one with the AWS console or CLI, or{' '}
            <AppLink href="/connection" className="text-accent underline underline-offset-2">
              connect to another target
            </AppLink>
            .
          </EmptyState>
        }
      >
        {(apis) => <RestApiTable apis={apis} />}
      </QueryState>
    </PageLayout>
  );
}

function RestApiTable({ apis }: { apis: RestApi[] }) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'asc' });
  const deferredFilter = useDeferredValue(filter);
  const rows = useMemo(() => filterAndSortRestApis(apis, deferredFilter, sort), [apis, deferredFilter, sort]);

  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const arrow = (key: SortKey) => (sort.key === key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕');

  return (
    <div className="flex flex-col gap-4">
      <FilterInput
        label="Filter by name or id"
        className="flex max-w-md flex-col gap-1"
        value={filter}
        onChange={setFilter}
      />
      <p role="status" className="text-sm text-fg-muted">
        {rows.length === apis.length ? `${apis.length} APIs` : `${rows.length} of ${apis.length} APIs match`}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No API matches the filter">Try part of the name or the id.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-md border border-border bg-surface-raised">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">REST APIs. Column headers with buttons sort the table.</caption>
            <thead className="border-b border-border bg-surface-sunken text-fg">
              <tr>
                <th scope="col" aria-sort={ariaSort('name')} className="px-3 py-2">
                  <button
                    type="button"
                    onClick={() => toggle('name')}
                    className="inline-flex items-center gap-1 font-semibold"
                  >
                    Name <span aria-hidden="true">{arrow('name')}</span>
                  </button>
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Id
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Description
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Endpoint type
                </th>
                <th scope="col" aria-sort={ariaSort('created')} className="px-3 py-2">
                  <button
                    type="button"
                    onClick={() => toggle('created')}
                    className="inline-flex items-center gap-1 font-semibold"
                  >
                    Created <span aria-hidden="true">{arrow('created')}</span>
                  </button>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((api) => (
                <tr key={api.id} className="relative border-b border-border last:border-b-0 hover:bg-surface-sunken">
                  <td className="px-3 py-2">
                    {/* The link stretches over the row (after:inset-0) so the whole row is clickable. */}
                    <AppLink
                      href={resourcesPath({ restApiId: api.id })}
                      className="font-medium text-accent underline underline-offset-2 after:absolute after:inset-0 after:content-['']"
                    >
                      {api.name}
                    </AppLink>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{api.id}</td>
                  <td className="max-w-xs px-3 py-2 break-words text-fg-muted">{api.description ?? '—'}</td>
                  <td className="px-3 py-2">
                    {(api.endpointConfiguration?.types ?? []).map((t) => (
                      <Badge key={t}>{t}</Badge>
                    ))}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatAwsDate(api.createdDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
