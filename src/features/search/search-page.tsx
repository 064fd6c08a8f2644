// Search across APIs: every integration response of every RestApi of the target's region, by selection pattern,
// template text, header mapping, status code or problem. The query lives in the address, so a result's editor link
// and Back return to the same results (from the cache, without loading the APIs again).
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { useConnection } from '@/api/connection-provider';
import { apiGatewayKeys } from '@/api/query-keys';
import { problemLabels } from '@/api-mappings/problems';
import type { SearchHit } from '@/api-mappings/search';
import { isEmptyQuery } from '@/api-mappings/search';
import type { SearchQuery } from '@/api-mappings/search-query';
import { searchFieldLabels, searchFields } from '@/api-mappings/search-query';
import { BackLink } from '@/components/back-link';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { Field, inputClassName } from '@/components/field';
import { Notice } from '@/components/notice';
import { PageLayout } from '@/components/page-layout';
import { EmptyState } from '@/components/query-state';
import { searchKey, useCrossApiSearch } from './use-cross-api-search';

/** More rows than a person reads; the count says how many there are, and the query can be narrowed. */
const SHOWN_HITS = 500;

const searchFormSchema = z.object({ text: z.string(), field: z.enum(searchFields), problem: z.string() }).check(
  z.superRefine((v, ctx) => {
    if (v.text.trim() === '' && v.problem === '') {
      ctx.addIssue({ code: 'custom', message: 'Enter text to search for, or choose a problem.', path: ['text'] });
    }
  }),
);
const resolver = zodResolver(searchFormSchema);

export function SearchPage({ query, onSearch }: { query: SearchQuery | null; onSearch: (q: SearchQuery) => void }) {
  const qc = useQueryClient();
  const { scope } = useConnection();
  const [run, setRun] = useState(0);
  const key = searchKey(query !== null && !isEmptyQuery(query) ? query : null);
  const search = useCrossApiSearch(key, run);
  const { register, handleSubmit, formState } = useForm<SearchQuery>({
    defaultValues: query ?? { text: '', field: 'any', problem: '' },
    resolver,
  });
  const formId = useId();

  const submit = handleSubmit((values) => onSearch({ ...values, text: values.text.trim() }));
  const reload = async () => {
    // Everything this search read, loaded again: for changes made outside the dashboard (the CLI, the console).
    await qc.invalidateQueries({ queryKey: apiGatewayKeys.restApis(scope), exact: true });
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[1] === scope && q.queryKey[2] === 'apiMappings' });
    setRun((n) => n + 1);
  };

  return (
    <PageLayout
      title="Search across APIs"
      back={<BackLink to="/apis">Back to the REST APIs</BackLink>}
      intro={
        <>
          Every integration response of every REST API on the current target: by selection pattern, mapping template,
          header mapping, status code, or the problems the editor would flag. Each result opens the editor.
        </>
      }
    >
      <form
        id={formId}
        role="search"
        aria-label="Integration responses"
        className="flex flex-wrap items-end gap-4"
        onSubmit={(e) => void submit(e)}
        noValidate
      >
        <Field
          label="Search for"
          error={formState.errors.text?.message}
          className="flex min-w-64 flex-1 flex-col gap-1"
        >
          {(p) => (
            <input
              {...p}
              {...register('text')}
              type="search"
              className={`${inputClassName} font-mono`}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <Field label="In" className="flex flex-col gap-1">
          {(p) => (
            <select {...p} {...register('field')} className={inputClassName}>
              {searchFields.map((f) => (
                <option key={f} value={f}>
                  {searchFieldLabels[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Problem" className="flex flex-col gap-1">
          {(p) => (
            <select {...p} {...register('problem')} className={inputClassName}>
              <option value="">Any row</option>
              <option value="any">Rows with any problem</option>
              {Object.entries(problemLabels).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit">Search</Button>
      </form>
      <SearchStatus search={search} onReload={() => void reload()} />
      {search.failures.length > 0 ? (
        <Notice
          tone="warning"
          title={`${search.failures.length} ${search.failures.length === 1 ? 'API' : 'APIs'} could not be searched`}
        >
          <ul className="list-disc pl-5">
            {search.failures.map((f) => (
              <li key={f.restApiId}>
                <span className="font-medium">{f.name}</span> (<code className="font-mono">{f.restApiId}</code>):{' '}
                {f.message}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <Results hits={search.hits} finished={search.status !== 'running' && search.status !== 'idle'} />
    </PageLayout>
  );
}

function SearchStatus({ search, onReload }: { search: ReturnType<typeof useCrossApiSearch>; onReload: () => void }) {
  const labelId = useId();
  if (search.status === 'idle') return null;
  if (search.status === 'failed') {
    return (
      <Notice tone="danger" role="alert" title="The REST APIs could not be listed">
        <p>{search.error}</p>
        <Button variant="secondary" onClick={onReload}>
          Try again
        </Button>
      </Notice>
    );
  }
  const found = `${search.hits.length} ${search.hits.length === 1 ? 'result' : 'results'}`;
  const of = `${search.apisSearched} of ${search.apisTotal} APIs`;
  const text =
    search.status === 'running'
      ? `Searching… ${of} searched, ${found} so far`
      : search.status === 'cancelled'
        ? `Search stopped: ${of} searched, ${found}`
        : `Searched ${search.apisTotal} ${search.apisTotal === 1 ? 'API' : 'APIs'}: ${found}`;
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="search-status">
      <div className="flex min-w-64 flex-col gap-1">
        {/* The final count is announced; the running count changes too often for a live region. */}
        <p id={labelId} className="text-sm text-fg" role={search.status === 'running' ? undefined : 'status'}>
          {text}
        </p>
        {search.status === 'running' ? (
          <progress
            aria-labelledby={labelId}
            className="h-2 w-full max-w-md accent-accent"
            max={Math.max(1, search.apisTotal)}
            value={search.apisSearched}
          />
        ) : null}
      </div>
      {search.status === 'running' ? (
        <Button variant="secondary" onClick={search.cancel}>
          Stop searching
        </Button>
      ) : (
        <Button variant="secondary" onClick={onReload}>
          Reload and search again
        </Button>
      )}
    </div>
  );
}

function Results({ hits, finished }: { hits: SearchHit[]; finished: boolean }) {
  const groups = useMemo(() => {
    const byApi = new Map<string, { name: string; hits: SearchHit[] }>();
    for (const hit of hits.slice(0, SHOWN_HITS)) {
      const group = byApi.get(hit.restApiId) ?? { name: hit.restApiName, hits: [] };
      group.hits.push(hit);
      byApi.set(hit.restApiId, group);
    }
    return [...byApi.entries()];
  }, [hits]);
  if (hits.length === 0) {
    return finished ? (
      <EmptyState title="No integration response matches">
        Try other words, another field, or no problem filter.
      </EmptyState>
    ) : null;
  }
  return (
    <div className="flex flex-col gap-6" data-testid="search-results">
      {hits.length > SHOWN_HITS ? (
        <p className="text-sm text-fg">
          Showing the first {SHOWN_HITS} of {hits.length} results: narrow the search to see the rest.
        </p>
      ) : null}
      {groups.map(([restApiId, group]) => (
        <section key={restApiId} aria-label={`Results in ${group.name}`} className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold text-fg">
            {group.name} <code className="font-mono text-sm font-normal text-fg-muted">{restApiId}</code>
          </h2>
          <ul className="flex flex-col divide-y divide-border rounded-md border border-border bg-surface-raised">
            {group.hits.map((hit) => (
              <li key={hit.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-2">
                <Link
                  to="/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode"
                  params={{
                    restApiId: hit.restApiId,
                    resourceId: hit.resourceId,
                    httpMethod: hit.httpMethod,
                    statusCode: hit.statusCode,
                  }}
                  className="font-mono font-medium text-accent underline underline-offset-2"
                >
                  {hit.httpMethod} {hit.path} → {hit.statusCode}
                </Link>
                {hit.matchedIn.length > 0 ? (
                  <span className="text-sm text-fg-muted">in {hit.matchedIn.join(', ')}</span>
                ) : null}
                {hit.problems.length > 0 ? (
                  <span className="flex flex-wrap gap-1" data-testid="search-hit-problems">
                    {hit.problems.map((code) => (
                      <Badge key={code} tone="warning">
                        {problemLabels[code] ?? code}
                      </Badge>
                    ))}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
