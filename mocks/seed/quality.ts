import { DAY, iso } from './builder';
import type { Random } from './random';
import type { QualitySample, Service } from './types';

/** Thirty days of daily quality samples of one service (availability, plus speed or call setup). */
export function qualityHistory(svc: Service, rnd: Random, now: number): QualitySample[] {
  const samples: QualitySample[] = [];
  for (let d = 30; d >= 1; d--) {
    const at = iso(now - d * DAY);
    samples.push({
      serviceId: svc.id,
      at,
      metric: 'AVAILABILITY',
      value: Number((99 + rnd.next()).toFixed(3)),
    });
    if (svc.type === 'BROADBAND')
      samples.push({ serviceId: svc.id, at, metric: 'DOWNLOAD_MBPS', value: rnd.int(70, 100) });
    if (svc.type === 'MOBILE')
      samples.push({
        serviceId: svc.id,
        at,
        metric: 'CALL_SETUP_SUCCESS',
        value: Number((97 + rnd.next() * 3).toFixed(2)),
      });
  }
  return samples;
}
