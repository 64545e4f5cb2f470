/** What the loyalty shop sells for points (X4): the operator's own rewards and partners' content. */
export interface Reward {
  id: string;
  name: string;
  description: string;
  kind: 'DATA_BUNDLE' | 'VOUCHER' | 'CONTENT' | 'DEVICE';
  pointsPrice: number;
  /** The content partner whose product it is (sold through the operator), or null for the operator's. */
  partnerId: string | null;
  /** How many the shop still has; null for digital rewards without a limit. */
  stock: number | null;
}

/** The same shop in every world; stock is copied per simulator start (mocks/billing/loyalty.ts). */
export const REWARDS: readonly Reward[] = [
  {
    id: 'RW-DATA-5GB',
    name: '5 GB extra data',
    description: 'Five gigabytes added to a mobile service for 30 days.',
    kind: 'DATA_BUNDLE',
    pointsPrice: 500,
    partnerId: null,
    stock: null,
  },
  {
    id: 'RW-VOUCHER-10',
    name: '10.00 bill voucher',
    description: 'Ten euros off the next bill of the account.',
    kind: 'VOUCHER',
    pointsPrice: 1000,
    partnerId: null,
    stock: null,
  },
  {
    id: 'RW-KINOBOX-RENTAL',
    name: 'KinoBox film rental',
    description: 'One film of your choice for 48 hours, from KinoBox Films.',
    kind: 'CONTENT',
    pointsPrice: 300,
    partnerId: 'PARTNER-CP-1',
    stock: null,
  },
  {
    id: 'RW-PLAYARENA-PASS',
    name: 'PlayArena monthly pass',
    description: 'A month of PlayArena Games cloud gaming.',
    kind: 'CONTENT',
    pointsPrice: 1500,
    partnerId: 'PARTNER-CP-2',
    stock: null,
  },
  {
    id: 'RW-EARBUDS',
    name: 'Wireless earbuds',
    description: 'Sent to the customer address; limited stock.',
    kind: 'DEVICE',
    pointsPrice: 4000,
    partnerId: null,
    stock: 3,
  },
];
