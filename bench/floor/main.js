// The bench's floor: the least a React app can ship to show the same RestApi list from the same emulator.
// Plain JS with createElement so it needs no JSX transform and no app code; React and react-dom only.
/* global document, fetch -- browser globals; the lint config grants them to .ts/.tsx files only */
import { createElement as h, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

async function loadRestApis() {
  const items = [];
  let position;
  do {
    const query = `?limit=500${position ? `&position=${encodeURIComponent(position)}` : ''}`;
    const res = await fetch(`/restapis${query}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET /restapis → ${res.status}`);
    const page = await res.json();
    items.push(...(page.item ?? []));
    position = page.position;
  } while (position);
  return items;
}

function App() {
  const [apis, setApis] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    loadRestApis().then(setApis, (e) => setError(String(e)));
  }, []);
  if (error) return h('p', { role: 'alert' }, error);
  if (!apis) return h('p', null, 'Loading APIs…');
  return h(
    'main',
    null,
    h('h1', null, 'Choose an API'),
    h(
      'ul',
      null,
      apis.map((api) =>
        h(
          'li',
          { key: api.id },
          h('a', { href: `/apis/${api.id}` }, api.name),
          ' ',
          h('code', null, api.id),
          ' ',
          api.description ?? '',
        ),
      ),
    ),
  );
}

createRoot(document.getElementById('root')).render(h(App));
