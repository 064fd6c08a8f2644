// The addresses of the wizard's steps and the overview as `AppLink` hrefs, for links drawn where the router's typed
// `Link` is not available (the first page, an editor deep link's frame, the import panel): each id is one encoded
// path segment, as the router's own links encode it.
import type { MethodRef, ResourceRef, RestApiRef } from '@/api/refs';

const segment = encodeURIComponent;

/** Step 2: the API's resources. */
export const resourcesPath = ({ restApiId }: RestApiRef) => `/apis/${segment(restApiId)}`;
/** Step 3: the resource's methods. */
export const methodsPath = (ref: ResourceRef) => `${resourcesPath(ref)}/resources/${segment(ref.resourceId)}`;
/** Step 4: the method's status codes. */
export const statusCodesPath = (ref: MethodRef) => `${methodsPath(ref)}/methods/${segment(ref.httpMethod)}`;
/** The API's overview. */
export const overviewPath = (ref: RestApiRef) => `${resourcesPath(ref)}/overview`;
