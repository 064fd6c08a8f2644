import { createFileRoute, useNavigate } from '@tanstack/react-router';
import * as z from 'zod/mini';
import { searchFields, type SearchQuery } from '@/api-mappings/search';
import { SearchPage } from '@/features/search/search-page';

// The query in the address: `?q=…&in=pattern&problem=overlap`. Anything else falls back to no query.
const searchParams = z.object({
  q: z.optional(z.catch(z.string(), '')),
  in: z.optional(z.catch(z.enum(searchFields), 'any')),
  problem: z.optional(z.catch(z.string(), '')),
});

export const Route = createFileRoute('/search')({
  validateSearch: (raw: Record<string, unknown>) => searchParams.parse(raw),
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
