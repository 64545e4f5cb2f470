import type { CustomerUser } from '../../../lib/authz/assertions';
import type { Locale } from '../../../lib/i18n/locale';
import { preferredLocale, setPreferredLocale } from '../../../lib/i18n/preference';
import type { KeyValueStore } from '../../../lib/kv';

/**
 * Issue 16 item 4: a user's own choice of language, kept where the gateway and the notifier read
 * it (lib/i18n/preference.ts). Only the user chooses it, for themself; it is not personal data
 * worth a security event, like the notification settings beside it.
 */
export class LanguageChoice {
  constructor(private readonly store: Pick<KeyValueStore, 'get' | 'set' | 'del'>) {}

  of(userId: string): Promise<Locale | null> {
    return preferredLocale(this.store, userId);
  }

  async set(user: CustomerUser, locale: Locale | null): Promise<Locale | null> {
    await setPreferredLocale(this.store, user.userId, locale);
    return locale;
  }
}
