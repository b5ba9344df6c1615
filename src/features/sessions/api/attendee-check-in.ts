import type { AttendanceView } from '@/domain/contract/sessions';
import { api } from '@/lib/request';

function attendeePath(sessionId: string, userId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/attendees/${encodeURIComponent(userId)}`;
}

/** The host checks an attendee in by hand. */
export function checkInAttendee(sessionId: string, userId: string): Promise<AttendanceView> {
  return api.post<AttendanceView>(`${attendeePath(sessionId, userId)}/check-in`);
}

/** The host gives an attendee locked out by wrong codes their tries back. */
export function unlockCheckIn(sessionId: string, userId: string): Promise<AttendanceView> {
  return api.post<AttendanceView>(`${attendeePath(sessionId, userId)}/check-in-unlock`);
}
