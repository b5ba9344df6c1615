import type { SeriesSignUpResult } from '@/domain/contract/sessions';
import { api } from '@/lib/request';

/** 报名全部: every upcoming date of the series; each date answers for itself. */
export function signUpForSeries(
  seriesId: string,
  guests: number,
  minGuests: number | null = null,
): Promise<SeriesSignUpResult> {
  return api.post<SeriesSignUpResult>(
    `/api/session-series/${encodeURIComponent(seriesId)}/signups`,
    minGuests === null ? { guests } : { guests, minGuests },
  );
}
