import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { searchFields, type SearchField, type SearchQuery } from '@/api-mappings/search-query';
import { SearchPage } from '@/features/search/search-page';

interface SearchParams {
  q?: string;
  in?: SearchField;
  problem?: string;
}

/** The router reads `?q=404` as the number 404 (its search values are JSON where they parse): text either way. */
function textParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

// The query in the address: `?q=…&in=pattern&problem=overlap`. Anything else falls back to no query.
export const Route = createFileRoute('/search')({
  validateSearch: (raw: Record<string, unknown>): SearchParams => {
    const field = searchFields.find((f) => f === raw.in);
    return {
      ...(textParam(raw.q) !== undefined ? { q: textParam(raw.q) } : {}),
      ...(field !== undefined ? { in: field } : {}),
      ...(textParam(raw.problem) !== undefined ? { problem: textParam(raw.problem) } : {}),
    };
  },
  component: RouteComponent,
});

function RouteComponent() {
  const { q, in: field, problem } = Route.useSearch();
  const navigate = useNavigate();
  const query: SearchQuery | null =
    q === undefined && problem === undefined ? null : { text: q ?? '', field: field ?? 'any', problem: problem ?? '' };
  return (
    <SearchPage
      // A new query starts a new page state (the form's defaults come from the address).
      key={JSON.stringify(query)}
      query={query}
      onSearch={(next) =>
        void navigate({
          to: '/search',
          search: {
            q: next.text,
            ...(next.field === 'any' ? {} : { in: next.field }),
            ...(next.problem === '' ? {} : { problem: next.problem }),
          },
        })
      }
    />
  );
}
