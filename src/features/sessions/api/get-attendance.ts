import type { AttendanceView } from '@/domain/contract/sessions';
import { api } from '@/lib/request';
import { useQuery } from '@/lib/use-query';

export function getAttendance(sessionId: string): Promise<AttendanceView> {
  return api.get<AttendanceView>(`/api/sessions/${encodeURIComponent(sessionId)}/attendance`);
}

export function useAttendance(sessionId: string | null) {
  return useQuery(sessionId ? `attendance:${sessionId}` : null, () => getAttendance(sessionId!));
}

export function openCheckIn(sessionId: string): Promise<AttendanceView> {
  return api.post<AttendanceView>(`/api/sessions/${encodeURIComponent(sessionId)}/check-in-code`);
}
