/** What the operator publishes to its customers (X3), as its publishing system keeps it. */
export interface Announcement {
  id: string;
  kind: 'NEW_SERVICE' | 'PROMOTION' | 'ACTIVITY_REPORT' | 'GENERAL_NOTICE';
  title: string;
  body: string;
  /** Network areas it is for; empty for everyone. */
  areaIds: string[];
  /** Profile topics (R6, lib/profiles) it is aimed at; empty for everyone. */
  topics: string[];
  /** The offering it presents, if any. */
  offeringId: string | null;
  validFrom: string;
  validUntil: string;
}

/**
 * The same announcements in every world, with fixed dates: most are valid from 2026 to 2099, one
 * ended in 2025 and one starts in 2099, so "valid now" is checkable without a clock of our own.
 */
export const ANNOUNCEMENTS: readonly Announcement[] = [
  {
    id: 'ANN-001',
    kind: 'NEW_SERVICE',
    title: 'Fibre 500 now in Westford',
    body: 'Homes in Westford sector 1 can now order 500 Mbit/s fibre broadband.',
    areaIds: ['AREA-01'],
    topics: ['category:broadband'],
    offeringId: 'OFF-BB-500',
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2099-12-31T00:00:00Z',
  },
  {
    id: 'ANN-002',
    kind: 'PROMOTION',
    title: 'TV Plus: three months at half price',
    body: 'Order TV Plus this month and pay half the monthly fee for three months.',
    areaIds: [],
    topics: ['category:tv', 'type:IPTV'],
    offeringId: 'OFF-TV-PLUS',
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2099-12-31T00:00:00Z',
  },
  {
    id: 'ANN-003',
    kind: 'PROMOTION',
    title: 'Double data on Mobile L',
    body: 'Mobile L subscribers get twice the data allowance this season.',
    areaIds: [],
    topics: ['category:mobile', 'type:MOBILE'],
    offeringId: 'OFF-MOB-L',
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2099-12-31T00:00:00Z',
  },
  {
    id: 'ANN-004',
    kind: 'ACTIVITY_REPORT',
    title: 'Network upgrade finished in Northam',
    body: 'The mobile network upgrade in Northam sector 3 is complete: expect faster data.',
    areaIds: ['AREA-03'],
    topics: [],
    offeringId: null,
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2099-12-31T00:00:00Z',
  },
  {
    id: 'ANN-005',
    kind: 'GENERAL_NOTICE',
    title: 'Storm season: keep your phone charged',
    body: 'During storm warnings, keep a charged phone at hand; emergency calls work on every network.',
    areaIds: [],
    topics: [],
    offeringId: null,
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2099-12-31T00:00:00Z',
  },
  {
    id: 'ANN-006',
    kind: 'PROMOTION',
    title: 'Summer 2025 bundle offer',
    body: 'Ended.',
    areaIds: [],
    topics: [],
    offeringId: 'OFF-BUNDLE-HOME',
    validFrom: '2025-01-01T00:00:00Z',
    validUntil: '2025-02-01T00:00:00Z',
  },
  {
    id: 'ANN-007',
    kind: 'NEW_SERVICE',
    title: 'Satellite TV (coming)',
    body: 'Not yet.',
    areaIds: [],
    topics: [],
    offeringId: null,
    validFrom: '2099-01-01T00:00:00Z',
    validUntil: '2099-12-31T00:00:00Z',
  },
];
