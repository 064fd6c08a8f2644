// Which API, resource, method and status code a call, a query key, a page or a link is about: one object instead
// of positional ids. Each user takes the narrowest one it needs. Kept apart from the wire schemas so a screen that
// only passes ids around does not pull in zod.

export type RestApiRef = { restApiId: string };
export type ResourceRef = RestApiRef & { resourceId: string };
export type MethodRef = ResourceRef & { httpMethod: string };
export type ResponseRef = MethodRef & { statusCode: string };
export type StageRef = RestApiRef & { stageName: string };

// A wider ref narrowed to a parent's, so a link or key built from it carries only that parent's ids.
export const restApiRefOf = ({ restApiId }: RestApiRef): RestApiRef => ({ restApiId });
export const resourceRefOf = ({ restApiId, resourceId }: ResourceRef): ResourceRef => ({ restApiId, resourceId });
export const methodRefOf = ({ restApiId, resourceId, httpMethod }: MethodRef): MethodRef => ({
  restApiId,
  resourceId,
  httpMethod,
});
