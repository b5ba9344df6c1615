import { and, eq } from 'drizzle-orm';
import { isCheckInOpen, partySize } from '../../../src/domain/sessions';
import type { Database } from '../database';
import { sessionSignups, sessions } from '../schema';
import { memberIdOf } from './sessions';

const title = '烘焙工作坊：一起做一盘曲奇';
const durationMinutes = 180;
const minute = 60_000;

/** Checked in already (the attendance list shows one of two), and the one who shows 我的签到码 with a guest. */
const attendees = [
  { nickname: '刘晓', guests: 0, checkedIn: true },
  { nickname: '赵敏', guests: 1, checkedIn: false },
] as const;

/**
 * A session of the owner (李根) that is on now, check-in open: 签到管理 shows the typed code and the
 * rotating QR code, 赵敏 has 我的签到码. The demo's other dates are relative to when it was seeded,
 * but this one must be on whenever a newcomer clicks through, so each demo start (`SEED_DEMO`) brings
 * it back to "started ten minutes ago" once its check-in window has closed, its sign-ups as seeded
 * (what the last run's visitors did to it is undone). Full, so 首页's next session with seats left
 * stays an upcoming one.
 */
export async function keepDemoSessionRunning(tx: Database, communityId: string, now: Date): Promise<void> {
  const idOf = memberIdOf(tx, communityId);
  const hostUserId = await idOf('李根');
  if (!hostUserId) return;
  const [existing] = await tx
    .select()
    .from(sessions)
    .where(and(eq(sessions.communityId, communityId), eq(sessions.title, title)));
  if (existing?.status === 'scheduled' && isCheckInOpen(now, existing)) return;

  const startsAt = new Date(Math.floor(now.getTime() / minute) * minute - 10 * minute);
  const parties: { userId: string; guests: number; checkedInAt: Date | null }[] = [];
  for (const attendee of attendees) {
    const userId = await idOf(attendee.nickname);
    if (userId)
      parties.push({
        userId,
        guests: attendee.guests,
        checkedInAt: attendee.checkedIn ? new Date(startsAt.getTime() + 5 * minute) : null,
      });
  }
  const values = {
    title,
    description: '店里的烤箱和材料都准备好了，三个小时从打发黄油到装盒。到店后扫码签到，带朋友来的一起签。',
    startsAt,
    durationMinutes,
    mode: 'offline' as const,
    address: '上海市徐汇区漕溪北路 88 号 一楼烘焙教室',
    meetingLink: null,
    capacity: parties.reduce((seats, party) => seats + partySize(party.guests), 0),
    signUpDeadline: startsAt,
    materials: ['围裙（店里也有）'],
    tags: ['烘焙', '见面会'],
    status: 'scheduled' as const,
    checkInCode: '4826',
    checkInOpenedAt: new Date(startsAt.getTime() - 15 * minute),
    seatsTaken: parties.reduce((seats, party) => seats + partySize(party.guests), 0),
    waitlistCount: 0,
  };
  // Demo sign-ups are written whole, with the counters the seat ledger would have kept for them.
  const sessionId = existing
    ? (await tx.update(sessions).set(values).where(eq(sessions.id, existing.id)).returning())[0]!.id
    : (
        await tx
          .insert(sessions)
          .values({ ...values, communityId, hostUserId, createdBy: hostUserId })
          .returning()
      )[0]!.id;
  await tx.delete(sessionSignups).where(eq(sessionSignups.sessionId, sessionId));
  for (const party of parties) {
    await tx.insert(sessionSignups).values({ sessionId, ...party, status: 'confirmed' });
  }
}
