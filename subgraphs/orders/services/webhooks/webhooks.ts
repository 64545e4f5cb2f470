import type { SubgraphConfig } from '../../../../lib/config';
import type { Unsubscribe } from '../../../../lib/events/bus';
import type { Logger } from '../../../../lib/logger';
import type { CatalogueAdapter } from '../../../../legacy/catalogue/client';
import type { IbssAdapter } from '../../../../legacy/ibss/client';
import { DeliveryQueue } from './delivery-queue';
import { WebhookDispatcher } from './dispatcher';
import type { Webhooks } from './event-subscriptions';
import { WebhookFanIn } from './fan-in';
import { WEBHOOK_DEFAULTS } from './models';
import { SubscriptionStore } from './subscription-store';

/** The bus's consumer group of the fan-in: one member per orders process, each event to one. */
export const WEBHOOK_GROUP = 'webhooks';

/** Partner webhooks of one orders process: the API's service, and the fan-in and dispatcher to run. */
export interface WebhookRuntime {
  service: Webhooks;
  /** Joins the bus's consumer group and starts the dispatcher (returns at once, like the subgraph's start). */
  start(): void;
  stop(): Promise<void>;
}

export function createWebhooks(
  config: Pick<SubgraphConfig, 'db' | 'bus' | 'store' | 'webhooks'>,
  ibss: Pick<IbssAdapter, 'getOrders'>,
  catalogue: Pick<CatalogueAdapter, 'getOfferings'>,
  logger: Logger,
): WebhookRuntime {
  const settings = { ...WEBHOOK_DEFAULTS, ...config.webhooks };
  const queue = new DeliveryQueue(config.db);
  const subscriptions = new SubscriptionStore(config.db, queue);
  const dispatcher = new WebhookDispatcher(queue, settings, logger);
  const fanIn = new WebhookFanIn({
    db: config.db,
    subscriptions,
    queue,
    ibss,
    catalogue,
    store: config.store,
    logger,
  });
  let joining: Promise<Unsubscribe | null> | null = null;
  return {
    service: { subscriptions, queue, httpsOnly: settings.httpsOnly },
    start: () => {
      joining = config.bus
        .consume(WEBHOOK_GROUP, async (event) => {
          if ((await fanIn.handle(event)) > 0) dispatcher.poke();
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'webhook fan-in could not join the event bus');
          return null;
        });
      dispatcher.start();
    },
    stop: async () => {
      const unsubscribe = await joining;
      await unsubscribe?.();
      await dispatcher.stop();
    },
  };
}
