// What a search across APIs asks for, without the code that answers it: the search route reads it from the address
// in the router's own chunk, which every routed page loads, so it must not pull in the rules and the regex translator.
export const searchFields = ['any', 'pattern', 'template', 'header', 'status'] as const;
export type SearchField = (typeof searchFields)[number];

export const searchFieldLabels: Record<SearchField, string> = {
  any: 'Everything',
  pattern: 'Selection patterns',
  template: 'Mapping templates',
  header: 'Header mappings',
  status: 'Status codes',
};

export interface SearchQuery {
  /** Matched case-insensitively as a substring; a status code matches from its start (`4` finds every 4xx). */
  text: string;
  field: SearchField;
  /** '' for no problem filter, 'any' for any problem, or a problem's code. */
  problem: string;
}
