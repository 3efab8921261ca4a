import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import { setMaxListeners } from 'node:events';

/** Topics are typed per domain in `<domain>.topics.ts`; the bus itself carries any JSON payload. */
export type BraingraphPubSub = PubSub<Record<string, [unknown]>>;

export interface PubSubHandle {
  pubsub: BraingraphPubSub;
  close(): Promise<void>;
}

/**
 * In-process by default; with a Redis URL every replica's events reach every other replica's subscribers.
 * Redis needs two connections: one in subscriber mode cannot publish.
 */
export function createBraingraphPubSub(redisUrl?: string): PubSubHandle {
  if (!redisUrl) {
    // One listener per subscriber on a topic: a thousand watchers of one job are normal, not a leak.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return { pubsub: createPubSub({ eventTarget: eventTarget as never }) as BraingraphPubSub, close: async () => {} };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub({ eventTarget }) as BraingraphPubSub,
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
