import { sessions, tips } from '../../../server/db/schema';
import { communityWithTeam } from '../../support/api-session';
import { createTestApp, type TestApp } from '../../support/test-app';
import { decide, openSlots, requestSlot, settle } from './promotion-support';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const day = 24 * 3600_000;

async function approvedOnce() {
  const setup = await communityWithTeam(t.app);
  await settle(t.db, setup.community.id, setup.member);
  const slots = await openSlots(t.app, setup.community.id, setup.member);
  const id = (await requestSlot(t.app, setup.community.id, setup.member, slots[0]!.id)).json().id;
  expect((await decide(t.app, setup.owner, id, 'approve')).statusCode).toBe(200);
  const eligibility = async () =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/communities/${setup.community.id}/promotion-eligibility`,
        headers: setup.member.headers,
      })
    ).json();
  return { ...setup, slots, eligibility };
}

it('a member whose tip was published in the last 30 days earns a second promotion', async () => {
  const { community, member, owner, slots, eligibility } = await approvedOnce();
  expect(await eligibility()).toMatchObject({ eligible: false, allowance: 1 });
  await t.db.insert(tips).values({
    communityId: community.id,
    authorId: member.user.id,
    publishedBy: owner.user.id,
    title: '标题党的反面',
    body: '先写结论',
    minutes: 5,
    status: 'published',
    publishedAt: new Date(Date.now() - 3 * day),
  });
  expect(await eligibility()).toMatchObject({
    eligible: true,
    allowance: 2,
    usedInWindow: 1,
    earnedExtra: 'tip-published',
  });
  expect((await requestSlot(t.app, community.id, member, slots[1]!.id)).statusCode).toBe(201);
});

it('a member who hosted a session in the last 30 days earns one; a session to come or older does not', async () => {
  const { community, member, eligibility } = await approvedOnce();
  const session = (startsAt: Date) => ({
    communityId: community.id,
    title: '周六晨跑',
    hostUserId: member.user.id,
    createdBy: member.user.id,
    startsAt,
    durationMinutes: 60,
    mode: 'online' as const,
    capacity: 10,
    signUpDeadline: startsAt,
  });
  await t.db
    .insert(sessions)
    .values([session(new Date(Date.now() + 2 * day)), session(new Date(Date.now() - 31 * day))]);
  expect(await eligibility()).toMatchObject({ eligible: false, earnedExtra: null });
  await t.db.insert(sessions).values(session(new Date(Date.now() - 5 * day)));
  expect(await eligibility()).toMatchObject({ eligible: true, earnedExtra: 'session-hosted' });
});

it('refuses an image the member did not upload', async () => {
  const { community, member } = await communityWithTeam(t.app);
  await settle(t.db, community.id, member);
  const slots = await openSlots(t.app, community.id, member);
  const response = await requestSlot(t.app, community.id, member, slots[0]!.id, {
    imageUploadId: '00000000-0000-4000-8000-000000000000',
  });
  expect(response.statusCode).toBe(422);
  expect(response.json().code).toBe('UPLOAD_NOT_FOUND');
});
