import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TipManageBar } from '@/features/tips/components/tip-manage-bar';
import Taro, { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi } from '../support/mock-api';
import { tipDetail } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
  signInForTest();
});

test('a scheduled tip offers 取消定时, not 下线: it was never on the feed', async () => {
  const scheduled = tipDetail(1, { status: 'scheduled' });
  mockApi({ 'POST /api/tips/t1/unpublish': { body: { ...scheduled, status: 'unpublished' } } });
  const onChange = jest.fn();
  render(<TipManageBar tip={scheduled} onChange={onChange} />);
  expect(screen.queryByText('下线')).toBeNull();
  fireEvent.click(screen.getByText('取消定时'));
  await waitFor(() => expect(onChange).toHaveBeenCalled());
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消定时发布？' }));
  expect(Taro.showToast).toHaveBeenCalledWith({ title: '已取消定时', icon: 'success' });
});

test('a published tip offers 下线 with its own confirmation', async () => {
  const published = tipDetail(1, { status: 'published' });
  mockApi({ 'POST /api/tips/t1/unpublish': { body: { ...published, status: 'unpublished' } } });
  render(<TipManageBar tip={published} onChange={() => {}} />);
  fireEvent.click(screen.getByText('下线'));
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已下线', icon: 'success' }));
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '下线这条技巧？' }));
});
