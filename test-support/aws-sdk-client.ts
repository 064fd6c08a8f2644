// The AWS SDK for JavaScript v3 as a client nobody here wrote, pointed at a local server. One attempt: a test wants
// the server's first answer, not the SDK's retries of it.
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';

export function sdkClientFor(endpoint: string): APIGatewayClient {
  return new APIGatewayClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}
