// A page on another origin tries to change the emulator's data, as every other web site open in the same browser could:
// a text/plain form POST and a no-cors fetch, both "simple" requests that need no CORS preflight. Neither may
// create anything. The page is served from a second loopback origin (127.0.0.2), so the browser sends the
// requests cross-site, with its own Origin and Sec-Fetch-Site headers.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

let page2: Server;
let otherOrigin = '';

test.beforeAll(async ({ baseURL }) => {
  const target = `${baseURL}/restapis`;
  const html = `<!doctype html><title>another site</title>
<form id="form" method="post" action="${target}" enctype="text/plain" target="sink">
  <input name='{"name":"csrf-form","pad":"' value='"}'>
</form>
<iframe name="sink"></iframe>
<script>
  window.sendForm = () => document.getElementById('form').submit();
  window.sendNoCors = () =>
    fetch(${JSON.stringify(target)}, {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ name: 'csrf-fetch' }),
    }).then(() => 'sent', (e) => String(e));
</script>`;
  page2 = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
  });
  await new Promise<void>((r) => page2.listen(0, '127.0.0.2', r));
  otherOrigin = `http://127.0.0.2:${(page2.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((r) => page2?.close(r));
});

test('a form POST and a no-cors fetch from another origin create no RestApi', async ({ page, request }) => {
  await page.goto(`${otherOrigin}/`);
  const formAnswer = page.waitForResponse((r) => r.url().endsWith('/restapis') && r.request().method() === 'POST');
  await page.evaluate(() => (window as unknown as { sendForm: () => void }).sendForm());
  expect((await formAnswer).status()).toBe(403);

  const fetchAnswer = page.waitForResponse((r) => r.url().endsWith('/restapis') && r.request().method() === 'POST');
  const sent = await page.evaluate(() => (window as unknown as { sendNoCors: () => Promise<string> }).sendNoCors());
  expect(sent).toBe('sent');
  expect((await fetchAnswer).status()).toBe(403);

  const list = await request.get('/restapis?limit=500', { headers: { accept: 'application/json' } });
  expect(list.status()).toBe(200);
  const names = ((await list.json()) as { item: Array<{ name: string }> }).item.map((a) => a.name);
  expect(names).not.toContain('csrf-form');
  expect(names).not.toContain('csrf-fetch');
  // The control: the same origin's dashboard still creates through the same route.
  const own = await request.post('/restapis', { data: { name: 'same-origin-json' } });
  expect(own.status()).toBe(201);
});
