import type { SignupStatus } from '../../../src/domain/sessions';
import type { SessionRow } from './session-repository';

/** Who is asking: whether they run the session (host or team), and their own sign-up. */
export interface SessionViewer {
  canManage: boolean;
  signupStatus: SignupStatus | null;
}

/**
 * The one place that decides what of a session only its attendees may see (today the online
 * meeting link; other attendee-only content joins here). Confirmed attendees, the host and the team
 * see it; a waiting or offered party (not yet holding its own confirmed seat), other members and
 * anyone else get nothing of it, and a flag saying it appears once they are signed up.
 */
export function attendeeDetails(
  session: SessionRow,
  viewer: SessionViewer,
): { meetingLink?: string | null; attendeeDetailsHidden: boolean } {
  if (viewer.canManage || viewer.signupStatus === 'confirmed') {
    return { meetingLink: session.meetingLink, attendeeDetailsHidden: false };
  }
  return { attendeeDetailsHidden: true };
}
