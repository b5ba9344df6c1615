import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import OwnerSettingsPage from '@/owner/settings/index';
import Taro, { taroTest } from '../shims/taro';
import { communityView } from '../support/community';
import { membership, signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

const members = [
  { userId: 'u1', nickname: '小林', avatarUrl: null, role: 'owner', joinedAt: '2026-11-01T08:00:00.000Z' },
  { userId: 'u2', nickname: '阿青', avatarUrl: null, role: 'member', joinedAt: '2026-11-02T08:00:00.000Z' },
];

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1', memberships: [membership('c1', '早起读书会', 'owner')] });
});

function ownerCommunity() {
  return communityView({ myRole: 'owner', inviteCode: 'K7M2QX' });
}

test('the owner hands a member a role picked from the action sheet', async () => {
  let roleOfAqing = 'member';
  mockApi({
    'GET /api/communities/c1': { body: ownerCommunity() },
    'GET /api/communities/c1/members': () => ({ body: [members[0], { ...members[1], role: roleOfAqing }] }),
    'PUT /api/communities/c1/members/u2/role': (call) => {
      roleOfAqing = (call.data as { role: string }).role;
      return { body: { ...members[1], role: roleOfAqing } };
    },
  });
  // The sheet offers the roles the member does not have yet: 管理员, 秘书.
  Taro.showActionSheet.mockResolvedValue({ tapIndex: 1 });
  render(<OwnerSettingsPage />);

  fireEvent.click(await screen.findByText('设置角色'));
  await waitFor(() => expect(screen.getByText('秘书')).toBeTruthy());
  expect(Taro.showActionSheet).toHaveBeenCalledWith({ itemList: ['管理员', '秘书'] });
  expect(requestCalls().find((c) => c.method === 'PUT')?.data).toEqual({ role: 'secretary' });
});

test('a member row opens their page (where 转让群主 lives); 设置角色 stays on the row', async () => {
  mockApi({
    'GET /api/communities/c1': { body: ownerCommunity() },
    'GET /api/communities/c1/members': { body: members },
  });
  render(<OwnerSettingsPage />);
  fireEvent.click(await screen.findByText('阿青'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/profile/index?userId=u2' });
  expect(screen.queryByText('转让群主')).toBeNull();
});

test('resetting the invite code shows the new code', async () => {
  mockApi({
    'GET /api/communities/c1': { body: ownerCommunity() },
    'GET /api/communities/c1/members': { body: members },
    'POST /api/communities/c1/invite-code/reset': {
      body: communityView({ myRole: 'owner', inviteCode: 'P9WXYZ' }),
    },
  });
  render(<OwnerSettingsPage />);

  fireEvent.click(await screen.findByText('重置'));
  await screen.findByText('P9WXYZ');
  expect(screen.queryByText('K7M2QX')).toBeNull();
});

test('someone who is not the owner is told so instead of seeing the tools', async () => {
  mockApi({ 'GET /api/communities/c1': { body: communityView({ myRole: 'admin', inviteCode: 'K7M2QX' }) } });
  render(<OwnerSettingsPage />);
  await screen.findByText('只有群主可以进行此操作');
  expect(screen.queryByText('成员与角色')).toBeNull();
});

describe('入群方式 and 微信群', () => {
  const taroEnv = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = taroEnv;
  });

  /** The community as the server keeps it, changed by the settings page's calls. */
  function mockSettings(extra: Parameters<typeof mockApi>[0] = {}, wechatGroupBound = false) {
    let community = { ...ownerCommunity(), wechatGroupBound };
    mockApi({
      'GET /api/communities/c1': () => ({ body: community }),
      'GET /api/communities/c1/members': { body: members },
      'PATCH /api/communities/c1': (call) => {
        community = { ...community, ...(call.data as object) };
        return { body: community };
      },
      'PUT /api/communities/c1/wechat-group': () => {
        community = { ...community, wechatGroupBound: true };
        return { body: community };
      },
      'DELETE /api/communities/c1/wechat-group': () => {
        community = { ...community, wechatGroupBound: false };
        return { body: community };
      },
      ...extra,
    });
  }

  test('the owner sets the late-cancellation cut-off of the attendance record', async () => {
    mockSettings();
    render(<OwnerSettingsPage />);
    await screen.findByText('活动开始前 2 小时内取消算未到；开了签到的活动，报名成功却没签到也算未到。');
    fireEvent.click(screen.getByText('开始前 24 小时'));
    await screen.findByText('活动开始前 24 小时内取消算未到；开了签到的活动，报名成功却没签到也算未到。');
    expect(requestCalls().find((c) => c.method === 'PATCH')?.data).toEqual({ lateCancelHours: 24 });
    fireEvent.click(screen.getByText('不限'));
    await screen.findByText('活动开始前取消都不算未到；开了签到的活动，报名成功却没签到算未到。');
  });

  test('the owner turns on 入群需审核', async () => {
    mockSettings();
    const { container } = render(<OwnerSettingsPage />);
    const toggle = () => container.querySelector('.join-approval-switch') as HTMLInputElement;
    await screen.findByText('入群需审核');
    expect(toggle().checked).toBe(false);

    fireEvent.click(toggle());
    await waitFor(() => expect(toggle().checked).toBe(true));
    expect(requestCalls().find((c) => c.method === 'PATCH')?.data).toEqual({ joinApproval: true });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已开启入群审核' }));
  });

  test('the owner turns on 缺席较多先候补, off by default, with its rule in one line', async () => {
    mockSettings();
    const { container } = render(<OwnerSettingsPage />);
    await screen.findByText('缺席较多先候补');
    const toggle = () => container.querySelector('.gentle-rule-switch') as HTMLInputElement;
    expect(toggle().checked).toBe(false);
    const rule =
      '开启后，60 天内缺席 3 次的成员报名先进入候补，活动开始前 24 小时若仍有空位自动入座；连续到场 2 次即恢复。';
    expect(screen.getByText(`未开启。${rule}`)).toBeTruthy();

    fireEvent.click(toggle());
    await waitFor(() => expect(toggle().checked).toBe(true));
    expect(requestCalls().find((c) => c.method === 'PATCH')?.data).toEqual({ gentleRule: true });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已开启缺席先候补' }));
    expect(screen.getByText(rule)).toBeTruthy();
  });

  test('not opened from a group chat: says where binding happens', async () => {
    mockSettings();
    render(<OwnerSettingsPage />);
    await screen.findByText('未绑定微信群');
    expect(screen.getByText('在群聊中打开群友圈的分享卡片后，回到这里绑定')).toBeTruthy();
    expect(screen.queryByText('绑定当前微信群')).toBeNull();
  });

  test('opened from a group chat: binds the community to that group', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.getEnterOptionsSync.mockReturnValue({ shareTicket: 'ticket-1' });
    mockSettings();
    render(<OwnerSettingsPage />);

    fireEvent.click(await screen.findByText('绑定当前微信群'));
    await screen.findByText('已绑定微信群');
    expect(requestCalls().find((c) => c.method === 'PUT')?.data).toEqual({
      encryptedData: 'enc-group',
      iv: 'iv-group',
    });
  });

  test('a group bound to another community: the message, and nothing changes', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.getEnterOptionsSync.mockReturnValue({ shareTicket: 'ticket-1' });
    mockSettings({
      'PUT /api/communities/c1/wechat-group': {
        status: 409,
        body: { code: 'GROUP_BOUND_ELSEWHERE', message: '这个微信群已经绑定了另一个社群' },
      },
    });
    render(<OwnerSettingsPage />);

    fireEvent.click(await screen.findByText('绑定当前微信群'));
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '这个微信群已经绑定了另一个社群' }),
      ),
    );
    expect(screen.getByText('未绑定微信群')).toBeTruthy();
  });

  test('解除绑定 asks first, then unbinds', async () => {
    mockSettings({}, true);
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<OwnerSettingsPage />);

    fireEvent.click(await screen.findByText('解除绑定'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(requestCalls().some((c) => c.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByText('解除绑定'));
    await screen.findByText('未绑定微信群');
    expect(requestCalls().filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });
});
