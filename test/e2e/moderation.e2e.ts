import { devLoginThroughApi, logInAs, onPage, phoneBrowser, requestApi } from './browser';

/** A newcomer who joins through the API: someone for the owner to remove. */
async function newcomerJoins(name: string): Promise<(path: string, body: object) => Promise<Response>> {
  const newcomer = await devLoginThroughApi(name);
  const call = (path: string, body: object) => requestApi(newcomer, 'POST', path, body);
  const joined = await call('/api/communities/join', { inviteCode: 'QY2K26' });
  expect(joined.status).toBe(200);
  return call;
}

describe('the team’s moderation in the browser', () => {
  const owner = phoneBrowser();
  const member = phoneBrowser();
  const admin = phoneBrowser();

  it('the owner removes a member with a reason and a block; the block keeps them out until lifted', async () => {
    const call = await newcomerJoins('捣乱的新人');
    await logInAs(owner.page, '李根');
    await owner.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    await onPage(owner.page, '/pages/me/index').locator('.members-entry').click();

    const members = onPage(owner.page, '/owner/members/index');
    const row = members.locator('.member-directory__row', { hasText: '捣乱的新人' });
    await row.locator('.remove-member').click();
    await members.locator('.field--removal-reason input').fill('一直在发广告');
    await members.locator('.removal-block-switch').click();
    await members.locator('.removal-confirm').click();
    await owner.page.locator('.taro-model__confirm').click();

    await row.waitFor({ state: 'detached' });
    await members.locator('.blocked-users__row', { hasText: '捣乱的新人' }).waitFor();
    const again = await call('/api/communities/join', { inviteCode: 'QY2K26' });
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({
      code: 'BLOCKED_FROM_COMMUNITY',
      message: '你已被移出该社群，不能再次加入',
    });

    await members.locator('.blocked-users__row', { hasText: '捣乱的新人' }).locator('.unblock').click();
    await owner.page.locator('.taro-model__confirm').click();
    await members.locator('.blocked-users-empty').waitFor();
    const back = await call('/api/communities/join', { inviteCode: 'QY2K26' });
    expect(back.status).toBe(200);
    // Out again, so the demo community is as the other browser tests expect it.
    const { community } = (await back.json()) as { community: { id: string } };
    expect((await call(`/api/communities/${community.id}/leave`, {})).status).toBe(204);
  });

  it('a member reports a tip; an admin hides the reported note and dismisses the new report; the note is gone for members', async () => {
    await logInAs(member.page, '刘晓');
    await member.page.locator('.taro-tabbar__tabbar').getByText('技巧').click();
    const feed = onPage(member.page, '/pages/tips/index');
    await feed.locator('.tip-card', { hasText: '把数字放在最前面' }).click();
    const detail = onPage(member.page, '/member/tip/index');
    await detail.locator('.tip-report').click();
    await detail.locator('.field--report-reason input').fill('标题党，内容和标题对不上');
    await detail.locator('.report-confirm').click();
    await detail.locator('.report-dialog').waitFor({ state: 'detached' });

    await logInAs(admin.page, '王小雪');
    await admin.page.locator('.taro-tabbar__tabbar').getByText('我的').click();
    await onPage(admin.page, '/pages/me/index').locator('.reports-entry').click();
    const queue = onPage(admin.page, '/owner/reports/index');
    const noteReport = queue.locator('.report-item', { hasText: '一键同步的小工具' });
    const tipReport = queue.locator('.report-item', { hasText: '标题党' });
    await noteReport.waitFor();
    await tipReport.waitFor();
    await noteReport.locator('.report-hide').click();
    await noteReport.waitFor({ state: 'detached' });
    await tipReport.locator('.report-dismiss').click();
    await queue.locator('.report-queue-empty').waitFor();

    await member.page.goBack();
    // The page left behind stays in the DOM while it animates away: wait until it is gone.
    await detail.first().waitFor({ state: 'detached' });
    await feed.locator('.tip-card', { hasText: '同步发到多个平台' }).click();
    await detail.locator('.tip-notes').waitFor();
    expect(await detail.locator('.tip-note', { hasText: '一键同步的小工具' }).count()).toBe(0);
  });
});
