// The app's pages the Lighthouse and throttled rows load, found in the demo data the app server was seeded with.
import { apiFixtures } from '../../test-support/api-fixtures';

interface Page<T> {
  item?: T[];
}

export interface DemoPages {
  /** The RestApi list. */
  apis: string;
  /** PetStore's overview. */
  overview: string;
  /**
   * The editor (step 5) of an existing integration response of PetStore, opened by its URL: GET /pets, 200 (a mapping
   * template, two integration responses), or the first one in path order if the demo data has no such response.
   */
  editor: string;
}

export async function demoPages(baseUrl: string): Promise<DemoPages> {
  const { call } = apiFixtures(baseUrl);
  const apis = await call<Page<{ id: string; name: string }>>('GET', '/restapis?limit=500', 200);
  const pet = apis.item?.find((a) => a.name === 'PetStore');
  if (!pet) throw new Error('the demo data has no PetStore API');
  const resources = await call<
    Page<{ id: string; path: string; resourceMethods?: Record<string, { methodIntegration?: unknown }> }>
  >('GET', `/restapis/${pet.id}/resources?embed=methods&limit=500`, 200);
  // The same page in every run: the listing is in id order, and ids are random, so taking its first response opened
  // a different editor from one run to the next (a GET's 200 with its mapping template in one, DELETE
  // /orders/{orderId}'s 204, without a template and so without CodeMirror and the preview, in another).
  const inPathOrder = [...(resources.item ?? [])].sort(
    (a, b) => Number(b.path === '/pets') - Number(a.path === '/pets') || (a.path < b.path ? -1 : 1),
  );
  for (const r of inPathOrder) {
    const methods = Object.keys(r.resourceMethods ?? {}).sort((a, b) => Number(b === 'GET') - Number(a === 'GET'));
    for (const method of methods) {
      const m = await call<{ methodIntegration?: { integrationResponses?: Record<string, unknown> } }>(
        'GET',
        `/restapis/${pet.id}/resources/${r.id}/methods/${method}`,
        200,
      );
      const codes = Object.keys(m.methodIntegration?.integrationResponses ?? {});
      const code = codes.includes('200') ? '200' : codes[0];
      if (code)
        return {
          apis: `${baseUrl}/apis`,
          overview: `${baseUrl}/apis/${pet.id}/overview`,
          editor: `${baseUrl}/apis/${pet.id}/resources/${r.id}/methods/${method}/responses/${code}`,
        };
    }
  }
  throw new Error('PetStore has no integration response to open in the editor');
}
