import {
  announceCompletion,
  type CompletionNotificationDeps,
} from '../../subgraphs/orders/services/completion-notification';
import { infoLog, order } from '../support/orders-fakes';

function completion(state: string | null) {
  const asked: string[] = [];
  const { logger, lines } = infoLog();
  const deps = {
    logger,
    ibss: {
      completedOrder: async (id: string) => {
        asked.push(id);
        return state === null ? null : order(id, 'C-1', 'A-1', state);
      },
    },
  } as unknown as CompletionNotificationDeps;
  return { deps, asked, lines };
}

describe('F9: order completion (services/completion-notification)', () => {
  it.each(['completed', 'failed', 'partial', 'cancelled'])(
    'F9: an order the IBSS reads back as %s is announced and logged',
    async (state) => {
      const { deps, asked, lines } = completion(state);
      expect(await announceCompletion(deps, 'O-1')).toBe('announced');
      expect(asked).toEqual(['O-1']);
      expect(lines).toEqual([[{ event: 'order.finished', orderId: 'O-1', state }, 'order finished']]);
    },
  );

  it.each([['acknowledged'], ['inProgress'], [null]])(
    'F9: an order the IBSS reads back as %s is unfinished and nothing is logged',
    async (state) => {
      const { deps, lines } = completion(state);
      expect(await announceCompletion(deps, 'O-1')).toBe('unfinished');
      expect(lines).toEqual([]);
    },
  );
});
