import type { Page } from 'playwright-core';
import { baseUrl, callApi, devLoginThroughApi, logInAs, onPage, phoneBrowser } from './browser';

/**
 * A community whose owner approves newcomers, with one member who shares cards. Names carry a
 * suffix so each test has its own people and community on the shared server.
 */
async function approvingCommunity(suffix: string) {
  const owner = await devLoginThroughApi(`审核群主${suffix}`);
  const community = await callApi<{ id: string; inviteCode: string }>(owner, 'POST', '/api/communities', {
    name: `入群审核读书会${suffix}`,
    goal: '每周读完一本书',
    rules: '不发广告；每周分享一次读书笔记',
  });
  const sharer = await devLoginThroughApi(`分享人${suffix}`);
  await callApi(sharer, 'POST', '/api/communities/join', { inviteCode: community.inviteCode });
  await callApi(owner, 'PATCH', `/api/communities/${community.id}`, { joinApproval: true });
  return { community, sharer };
}

/**
 * Forgets whoever was signed in in this browser (the session lives in localStorage). Cleared
 * from a page of the same origin that is not the app, which would write its session back.
 */
async function signOut(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/api/health`);
  await page.evaluate(() => localStorage.clear());
}

/** Opens a share card's link as someone new: the dev login screen comes first, then the card's page. */
async function openCardAs(page: Page, nickname: string, path: string): Promise<void> {
  await devLoginThroughApi(nickname);
  await signOut(page);
  await page.goto(`${baseUrl()}/#${path}`);
  await page.locator('.dev-user', { hasText: nickname }).click();
}

function button(scope: ReturnType<typeof onPage>, text: string) {
  return scope.locator('taro-button-core', { hasText: text });
}

describe('joining a community that approves newcomers', () => {
  const newcomer = phoneBrowser();
  const owner = phoneBrowser();

  it("a newcomer asks from a member's card, the owner approves, the newcomer confirms the rules", async () => {
    const { community, sharer } = await approvingCommunity('甲');
    await openCardAs(
      newcomer.page,
      '新来的小周',
      `/entry/community-join/index?community=${community.id}&inviter=${sharer.userId}`,
    );

    const join = onPage(newcomer.page, '/entry/community-join/index');
    await join.getByText('分享人甲 邀请你加入').waitFor();
    await join.locator('.community-goal', { hasText: '每周读完一本书' }).waitFor();
    await join.locator('.field--join-note input').fill('想和大家一起读书');
    await button(join, '申请加入').click();
    await join.getByText('已提交入群申请，群主或管理员通过后会通知你').waitFor();

    await signOut(owner.page);
    await logInAs(owner.page, '审核群主甲');
    const ownerHome = onPage(owner.page, '/pages/index/index');
    await ownerHome.getByText('1 个入群申请待审核').click();
    const queue = onPage(owner.page, '/owner/join-requests/index');
    const request = queue.locator('.join-request', { hasText: '新来的小周' });
    await request.getByText('由 分享人甲 邀请', { exact: false }).waitFor();
    await request.getByText('想和大家一起读书').waitFor();
    await button(request, '通过').click();
    await queue.getByText('暂无入群申请').waitFor();

    await button(join, '返回首页').click();
    const home = onPage(newcomer.page, '/pages/index/index');
    await home.getByText(`欢迎加入「入群审核读书会甲」`).waitFor();
    await home.locator('.community-rules', { hasText: '不发广告' }).waitFor();
    await button(home, '我已阅读，遵守群规').click();
    await home.locator('.community-name', { hasText: '入群审核读书会甲' }).waitFor();
  });

  it('a declined newcomer sees 未通过 and the reason on 首页', async () => {
    const { community } = await approvingCommunity('乙');
    await openCardAs(newcomer.page, '新来的小吴', `/entry/community-join/index?code=${community.inviteCode}`);

    const join = onPage(newcomer.page, '/entry/community-join/index');
    await button(join, '加入社群').click();
    await join.getByText('已提交入群申请，群主或管理员通过后会通知你').waitFor();

    await signOut(owner.page);
    await logInAs(owner.page, '审核群主乙');
    await onPage(owner.page, '/pages/index/index').getByText('1 个入群申请待审核').click();
    const queue = onPage(owner.page, '/owner/join-requests/index');
    const request = queue.locator('.join-request', { hasText: '新来的小吴' });
    await request.getByText('通过邀请码', { exact: false }).waitFor();
    await button(request, '拒绝').click();
    await queue.locator('.field--decline-reason input').fill('本群只收本地的朋友');
    await button(queue, '确认拒绝').click();
    await queue.getByText('暂无入群申请').waitFor();

    await button(join, '返回首页').click();
    const home = onPage(newcomer.page, '/pages/index/index');
    const declined = home.locator('.my-join-request', { hasText: '入群审核读书会乙' });
    await declined.getByText('未通过').waitFor();
    await declined.getByText('原因：本群只收本地的朋友').waitFor();
  });
});
