import { useSyncExternalStore } from 'react';
import { subscribeThrottleWaits, throttleWaitCount } from '@/api/throttle-waits';
import { Notice } from './notice';

const serverCount = () => 0;

/**
 * While any request of the page waits out AWS's throttling (429), says so: a load or a send that takes longer than
 * usual is waiting, not stuck or failed. The live region is always there so that its content is announced.
 */
export function ThrottleStatus() {
  const waiting = useSyncExternalStore(subscribeThrottleWaits, throttleWaitCount, serverCount) > 0;
  return (
    <div role="status" className="mb-4 empty:hidden">
      {waiting ? (
        <Notice tone="info" title="Waiting for AWS's request limit…">
          <p>
            AWS allows only a few requests a second to its API Gateway control plane for each account, and answered “Too
            many requests”. The page sends the request again by itself when AWS says it may; nothing is lost.
          </p>
        </Notice>
      ) : null}
    </div>
  );
}
