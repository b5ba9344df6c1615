import { and, eq } from 'drizzle-orm';
import { partySize } from '../../../src/domain/sessions';
import type { Database } from '../database';
import { memberships, sessionSeries, sessionSignups, sessions, users } from '../schema';

const day = 24 * 3600_000;

/** 20:00 in Shanghai (12:00 UTC), `daysAhead` days from now. */
function eveningIn(daysAhead: number, hourShanghai = 20): Date {
  const date = new Date(Date.now() + daysAhead * day);
  date.setUTCHours(hourShanghai - 8, 0, 0, 0);
  return date;
}

interface DemoSession {
  host: string;
  values: Omit<typeof sessions.$inferInsert, 'communityId' | 'hostUserId' | 'createdBy'>;
  confirmed: Array<[string, number]>;
  /** Nickname, guests, and the smaller spot the party accepts (fewest guests; null: whole or not at all). */
  waitlisted: Array<[string, number, number | null]>;
  /** Waitlisted members the gentle rule held back (seats free): seated 24 hours before the start. */
  heldBack?: string[];
  /** Past sessions whose check-in was opened: who checked in (the other confirmed members did not come). */
  checkedIn?: string[];
}

/**
 * Four past sessions with check-in: the attendance records of 刘晓 (4 of 4), 周芷若 (1 of 2), 赵敏 (1 of 1)
 * and 张三丰 (1 of 4: three no-shows in 60 days, so the gentle rule holds him back).
 */
function pastWithCheckIn(daysAgo: number, title: string, description: string): DemoSession['values'] {
  const startsAt = eveningIn(-daysAgo);
  return {
    title,
    description,
    startsAt,
    durationMinutes: 30,
    mode: 'online',
    meetingLink: 'https://meeting.tencent.com/dm/qy-past',
    capacity: 20,
    signUpDeadline: startsAt,
    materials: [],
    tags: ['ppt技巧'],
    checkInCode: '2580',
    checkInOpenedAt: new Date(startsAt.getTime() - 10 * 60_000),
  };
}

/** From the essay: a 15-minute practical trick online instead of an hour-long cake lecture, PPT basics, and an offline meetup. */
const demoSessions: DemoSession[] = [
  {
    host: '王小雪',
    values: {
      title: '15分钟：切水果做蛋糕装饰',
      description:
        '不用烤箱、不用蛋糕胚，只学一个马上能用的小技巧：猕猴桃用勺子取果肉、草莓切扇形。做完拍一张照片发到群里。',
      startsAt: eveningIn(2),
      durationMinutes: 15,
      mode: 'online',
      meetingLink: 'https://meeting.tencent.com/dm/qy-fruit',
      capacity: 4,
      signUpDeadline: eveningIn(2),
      materials: ['一把水果刀', '一个勺子', '一个猕猴桃或几颗草莓'],
      tags: ['烘焙', '小技巧'],
    },
    confirmed: [
      ['张三丰', 1],
      ['刘晓', 0],
      ['赵敏', 0],
    ],
    // A party of three waiting, that comes alone if only one seat frees up (只有 1 个名额时我一个人来).
    waitlisted: [['周芷若', 2, 0]],
  },
  {
    host: '陈秘书',
    values: {
      title: 'PPT 新手课：标题层级怎么写',
      description: '从一级标题到三级标题的正确写法，先把基础打牢，动画和抠图以后再学。课后答疑 10 分钟。',
      startsAt: eveningIn(4),
      durationMinutes: 30,
      mode: 'online',
      meetingLink: 'https://meeting.tencent.com/dm/qy-ppt',
      capacity: 30,
      signUpDeadline: eveningIn(4),
      materials: ['装好 PowerPoint 或 WPS 的电脑', '一份自己做过的 PPT'],
      tags: ['ppt技巧'],
    },
    confirmed: [['刘晓', 0]],
    // Seats are free, but the gentle rule put him on the waitlist until 24 hours before the start.
    waitlisted: [['张三丰', 0, null]],
    heldBack: ['张三丰'],
  },
  {
    host: '李根',
    values: {
      title: '线下见面会：一起做水果蛋糕',
      description: '线上学过切水果的朋友，来店里把整只蛋糕做完。材料店里准备好，带上好奇心就行。',
      startsAt: eveningIn(9, 15),
      durationMinutes: 90,
      mode: 'offline',
      address: '上海市徐汇区漕溪北路 88 号 一楼烘焙教室',
      capacity: 12,
      signUpDeadline: eveningIn(8, 20),
      materials: ['围裙（店里也有）'],
      tags: ['烘焙', '见面会'],
      claimWindowHours: 12,
    },
    confirmed: [['赵敏', 2]],
    waitlisted: [],
  },
  {
    host: '王小雪',
    values: pastWithCheckIn(30, '线上小课：草莓切扇形', '一个月前的小课：草莓切成扇形摆在蛋糕边上。'),
    confirmed: [
      ['刘晓', 0],
      ['张三丰', 0],
    ],
    waitlisted: [],
    checkedIn: ['刘晓'],
  },
  {
    host: '陈秘书',
    values: pastWithCheckIn(21, 'PPT 新手课：对齐与留白', '三周前的课：对齐一条线，留白比塞满好看。'),
    confirmed: [
      ['刘晓', 0],
      ['张三丰', 0],
    ],
    waitlisted: [],
    checkedIn: ['刘晓'],
  },
  {
    host: '王小雪',
    values: pastWithCheckIn(14, '线上小课：猕猴桃取果肉', '上上周的小课：一把勺子取出整块果肉。'),
    confirmed: [
      ['刘晓', 0],
      ['周芷若', 0],
      ['张三丰', 0],
    ],
    waitlisted: [],
    checkedIn: ['刘晓', '张三丰'],
  },
  {
    host: '陈秘书',
    values: pastWithCheckIn(7, 'PPT 新手课：字体与配色', '上周的课：一份 PPT 只用两种字体、三种颜色。'),
    confirmed: [
      ['刘晓', 0],
      ['周芷若', 0],
      ['张三丰', 0],
      ['赵敏', 0],
    ],
    waitlisted: [],
    checkedIn: ['刘晓', '周芷若', '赵敏'],
  },
];

/** The id of a demo member by nickname; undefined when they are not in the community. */
export function memberIdOf(tx: Database, communityId: string) {
  return async (nickname: string) => {
    const [row] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.communityId, communityId)))
      .where(eq(users.nickname, nickname));
    return row?.id;
  };
}

const seriesTitle = '周五烘焙小课';

/**
 * A weekly series, 周五烘焙小课: four Fridays at 20:00, the first at least three days away so the
 * community's first upcoming session stays the 15-minute fruit class. 刘晓 signed up for all of them,
 * 赵敏 for the first. Idempotent per title.
 */
async function seedDemoSeries(tx: Database, communityId: string): Promise<void> {
  const userIdOf = memberIdOf(tx, communityId);
  const [existing] = await tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.communityId, communityId), eq(sessions.title, seriesTitle)));
  const hostUserId = await userIdOf('王小雪');
  if (existing || !hostUserId) return;
  let firstDay = 3;
  while (eveningIn(firstDay).getUTCDay() !== 5) firstDay += 1;
  const [series] = await tx
    .insert(sessionSeries)
    .values({ communityId, repeat: 'weekly', createdBy: hostUserId })
    .returning();
  const liuXiao = await userIdOf('刘晓');
  const zhaoMin = await userIdOf('赵敏');
  for (let index = 0; index < 4; index += 1) {
    const startsAt = eveningIn(firstDay + 7 * index);
    const attendees = [liuXiao, index === 0 ? zhaoMin : undefined].filter((id): id is string => !!id);
    const [session] = await tx
      .insert(sessions)
      .values({
        communityId,
        seriesId: series!.id,
        hostUserId,
        createdBy: hostUserId,
        title: seriesTitle,
        description: '每周五晚上一节 30 分钟的烘焙小课，每次一个小点心。可以只报一次，也可以报名全部。',
        startsAt,
        durationMinutes: 30,
        mode: 'online',
        meetingLink: 'https://meeting.tencent.com/dm/qy-friday',
        capacity: 6,
        signUpDeadline: startsAt,
        materials: ['一个打蛋盆', '一把刮刀'],
        tags: ['烘焙'],
        seatsTaken: attendees.length,
      })
      .returning();
    for (const userId of attendees) {
      await tx
        .insert(sessionSignups)
        .values({ sessionId: session!.id, userId, guests: 0, status: 'confirmed' });
    }
  }
}

/** Idempotent per title: runs inside the demo community's seeding transaction. */
export async function seedDemoSessions(tx: Database, communityId: string): Promise<void> {
  const userIdOf = memberIdOf(tx, communityId);
  for (const demo of demoSessions) {
    const [existing] = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.communityId, communityId), eq(sessions.title, demo.values.title)));
    const hostUserId = await userIdOf(demo.host);
    if (existing || !hostUserId) continue;
    const confirmed: { userId: string; guests: number; checkedInAt: Date | null }[] = [];
    for (const [nickname, guests] of demo.confirmed) {
      const userId = await userIdOf(nickname);
      const checkedInAt = demo.checkedIn?.includes(nickname) ? demo.values.startsAt : null;
      if (userId) confirmed.push({ userId, guests, checkedInAt });
    }
    const waitlisted: { userId: string; guests: number; minGuests: number | null; heldBack: boolean }[] = [];
    for (const [nickname, guests, minGuests] of demo.waitlisted) {
      const userId = await userIdOf(nickname);
      const heldBack = demo.heldBack?.includes(nickname) ?? false;
      if (userId) waitlisted.push({ userId, guests, minGuests, heldBack });
    }
    // Demo sign-ups are written whole, with the counters the seat ledger would have kept for them.
    const [session] = await tx
      .insert(sessions)
      .values({
        ...demo.values,
        communityId,
        hostUserId,
        createdBy: hostUserId,
        seatsTaken: confirmed.reduce((seats, party) => seats + partySize(party.guests), 0),
        waitlistCount: waitlisted.length,
      })
      .returning();
    for (const party of confirmed) {
      await tx.insert(sessionSignups).values({ sessionId: session!.id, ...party, status: 'confirmed' });
    }
    for (const party of waitlisted) {
      await tx
        .insert(sessionSignups)
        .values({ sessionId: session!.id, ...party, status: 'waitlisted', waitlistedAt: new Date() });
    }
  }
  await seedDemoSeries(tx, communityId);
}
