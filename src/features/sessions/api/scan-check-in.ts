import type {
  AttendanceView,
  CheckInPassView,
  HostCheckInCodesView,
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

export function getMyCheckInPass(sessionId: string): Promise<CheckInPassView> {
  return api.get<CheckInPassView>(`${sessionPath(sessionId)}/check-in-passes/me`);
}

/** The host scanned a member's pass; `guests` is how many of their guests came. */
export function checkInWithPass(sessionId: string, token: string, guests: number): Promise<AttendanceView> {
  return api.post<AttendanceView>(`${sessionPath(sessionId)}/check-in-passes/scan`, { token, guests });
}
