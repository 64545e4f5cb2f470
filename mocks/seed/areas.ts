import type { Area } from './types';

export const CITIES = ['Eastport', 'Westford', 'Northam', 'Southvale'];

/** The twenty network areas: addresses, services and alarms each belong to one. */
export function generateAreas(): Area[] {
  const areas: Area[] = [];
  for (let i = 1; i <= 20; i++)
    areas.push({
      id: `AREA-${String(i).padStart(2, '0')}`,
      name: `${CITIES[i % CITIES.length]} sector ${i}`,
    });
  return areas;
}
