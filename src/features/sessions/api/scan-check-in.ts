import type {
  AttendanceView,
  HostCheckInCodesView,
  MyCheckInPassView,
  MySignupView,
} from '@/domain/contract/sessions';
import { api } from '@/lib/request';

function sessionPath(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}`;
}

/** The host's rotating code: the codes of the next few 30-second steps. */
export function getHostCheckInCodes(sessionId: string): Promise<HostCheckInCodesView> {
  return api.get<HostCheckInCodesView>(`${sessionPath(sessionId)}/check-in-qr`);
}

/** A member scanned the host's code. */
export function checkInWithHostCode(sessionId: string, token: string): Promise<MySignupView> {
  return api.post<MySignupView>(`${sessionPath(sessionId)}/check-in-qr/scan`, { token });
}

/** My pass, or why I have none (no seat, cancelled, check-in over). */
export function getMyCheckInPass(sessionId: string): Promise<MyCheckInPassView> {
  return api.get<MyCheckInPassView>(`${sessionPath(sessionId)}/check-in-passes/me`);
}

/** The host scanned a member's pass; `guests` is how many of their guests came. */
export function checkInWithPass(sessionId: string, token: string, guests: number): Promise<AttendanceView> {
  return api.post<AttendanceView>(`${sessionPath(sessionId)}/check-in-passes/scan`, { token, guests });
}
