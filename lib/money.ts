/** Money travels as integer minor units; the API shows them with currency and decimal text. */
export interface MoneyModel {
  minorUnits: number;
  currency: string;
  amount: string;
}

export function money(minorUnits: number, currency = 'EUR'): MoneyModel {
  const sign = minorUnits < 0 ? '-' : '';
  const abs = Math.abs(minorUnits);
  return {
    minorUnits,
    currency,
    amount: `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`,
  };
}
