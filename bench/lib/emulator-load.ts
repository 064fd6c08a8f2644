// Section 5: PutIntegrationResponse + GetMethod under a fixed concurrent load from a loopback keep-alive client.
import { Agent, request } from 'node:http';
import { createMethodFixture, dummyAuthorization } from './http';
import { cpuSeconds } from './processes';
import { p99 } from './stats';

export interface LoadOptions {
  concurrency: number;
  /** Stop after this many requests… */
  maxRequests: number;
  /** …or after this long, whichever comes first. */
  maxSeconds: number;
  /** For diagnosis: only one of the two operations. */
  only?: 'put' | 'get';
}

export interface LoadResult {
  target: string;
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  putP99Ms: number;
  getP99Ms: number;
  /** Server CPU (process tree) per request during the measured phase; NaN without /proc. */
  serverCpuMsPerRequest: number;
  /** This (client) process's CPU per request: if it is near the server's, the client is part of the limit. */
  clientCpuMsPerRequest: number;
}

function send(agent: Agent, baseUrl: string, method: string, path: string, body: string | undefined): Promise<number> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path: url.pathname,
        headers: {
          Accept: 'application/json',
          Authorization: dummyAuthorization,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Half PutIntegrationResponse (a realistic body, different each time), half GetMethod, interleaved. */
export async function runLoad(target: string, baseUrl: string, serverPid: number, opts: LoadOptions): Promise<LoadResult> {
  const f = await createMethodFixture(baseUrl, `load-${target}`);
  const methodPath = `/restapis/${f.apiId}/resources/${f.resourceId}/methods/GET`;
  const irPath = `${methodPath}/integration/responses/200`;
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const putBody = (i: number) =>
    JSON.stringify({
      selectionPattern: '2\\d{2}',
      responseTemplates: { 'application/json': `{"version": ${i}, "message": "$input.path('$.message')"}` },
      responseParameters: { 'method.response.header.X-Version': `'${i}'` },
    });
  const one = async (i: number): Promise<{ put: boolean; ms: number; ok: boolean }> => {
    const put = opts.only ? opts.only === 'put' : i % 2 === 0;
    const t = performance.now();
    const status = put ? await send(agent, baseUrl, 'PUT', irPath, putBody(i)) : await send(agent, baseUrl, 'GET', methodPath, undefined);
    return { put, ms: performance.now() - t, ok: put ? status === 201 || status === 200 : status === 200 };
  };
  // Warm-up: connections opened, code paths compiled; not counted.
  for (let i = 0; i < 50; i++) await one(i);

  const putMs: number[] = [];
  const getMs: number[] = [];
  let errors = 0;
  let next = 0;
  const cpu0 = cpuSeconds(serverPid);
  const client0 = process.cpuUsage();
  const started = performance.now();
  const deadline = started + opts.maxSeconds * 1000;
  const worker = async () => {
    while (next < opts.maxRequests && performance.now() < deadline) {
      const r = await one(next++);
      (r.put ? putMs : getMs).push(r.ms);
      if (!r.ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = cpuSeconds(serverPid) - cpu0;
  const client = process.cpuUsage(client0);
  agent.destroy();
  const requests = putMs.length + getMs.length;
  return {
    target,
    requests,
    errors,
    seconds,
    throughput: requests / seconds,
    putP99Ms: p99(putMs),
    getP99Ms: p99(getMs),
    serverCpuMsPerRequest: (serverCpu * 1000) / requests,
    clientCpuMsPerRequest: (client.user + client.system) / 1000 / requests,
  };
}
