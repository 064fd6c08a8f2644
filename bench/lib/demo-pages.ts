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
  /** The editor (step 5) of an existing integration response of PetStore, opened by its URL. */
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
  for (const r of resources.item ?? []) {
    for (const method of Object.keys(r.resourceMethods ?? {})) {
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
