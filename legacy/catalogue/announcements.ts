import { z } from 'zod';
import { LegacyAdapter } from '../base-client';

export const announcement = z.object({
  id: z.string(),
  kind: z.enum(['NEW_SERVICE', 'PROMOTION', 'ACTIVITY_REPORT', 'GENERAL_NOTICE']),
  title: z.string(),
  body: z.string(),
  areaIds: z.array(z.string()),
  topics: z.array(z.string()),
  offeringId: z.string().nullable(),
  validFrom: z.string(),
  validUntil: z.string(),
});
export type AnnouncementModel = z.infer<typeof announcement>;

/** The operator's publishing system (X3), beside the catalogue: announcements valid now. */
export class AnnouncementsAdapter extends LegacyAdapter {
  static readonly system = 'catalogue';

  /** Announcements valid now for everyone and for any of `areaIds`. */
  async current(areaIds: readonly string[]): Promise<AnnouncementModel[]> {
    const areas = areaIds.map(encodeURIComponent).join(',');
    return this.http.getItems(`/catalogue/announcements?areaIds=${areas}`, announcement);
  }
}
