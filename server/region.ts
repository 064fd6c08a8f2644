// The region a request addresses comes from its SigV4 credential scope
// (`Credential=AKID/20260101/eu-west-1/apigateway/aws4_request`). The signature itself is never checked:
// the emulator is a local tool. Unsigned requests address us-east-1.
export const DEFAULT_REGION = 'us-east-1';

const scope = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/[a-z0-9-]+\/aws4_request/;

export function regionOf(authorization: string | undefined): string {
  if (!authorization) return DEFAULT_REGION;
  return scope.exec(authorization)?.[1] ?? DEFAULT_REGION;
}
