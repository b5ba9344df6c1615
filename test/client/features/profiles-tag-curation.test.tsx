import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TagCuration } from '@/features/tags/components/tag-curation';
import Taro, { taroTest } from '../shims/taro';
import { signInForTest } from '../support/login-session';
import { mockApi, requestCalls } from '../support/mock-api';

beforeEach(() => {
  taroTest.reset();
  signInForTest({ currentCommunityId: 'c1' });
});

const suggestion = { id: 's1', tag: 'pokemon', hidden: false, count: 2 };

function mockCuration() {
  mockApi({
    'GET /api/communities/c1/suggested-tags': { body: [suggestion] },
    'GET /api/communities/c1/tags': { body: [{ tag: 'pokemon', count: 2 }] },
    'PATCH /api/communities/c1/suggested-tags/s1': { body: { ...suggestion, tag: 'pokemon go' } },
    'POST /api/communities/c1/tags/merge': { body: [{ tag: 'pokemon go', count: 2 }] },
  });
}

test('renames a suggested tag in place, sending the normalised name', async () => {
  mockCuration();
  render(<TagCuration communityId="c1" />);
  fireEvent.click(await screen.findByText('重命名'));
  const input = document.querySelector('.suggested-tag--renaming input') as HTMLInputElement;
  fireEvent.change(input, { target: { value: '＃Pokemon  GO＃' } });
  expect(screen.getByText('#pokemon go')).toBeTruthy();
  fireEvent.click(screen.getByText('保存'));
  await waitFor(() =>
    expect(requestCalls().find((call) => call.method === 'PATCH')?.data).toEqual({ tag: 'pokemon go' }),
  );
});

test('merges only after the admin confirms what will happen to the members', async () => {
  mockCuration();
  render(<TagCuration communityId="c1" />);
  await screen.findByText('重命名');
  const [from, into] = Array.from(document.querySelectorAll('.merge-tags input')) as HTMLInputElement[];
  fireEvent.change(from!, { target: { value: '#Pokemon#' } });
  fireEvent.change(into!, { target: { value: 'pokemon go' } });
  fireEvent.click(screen.getByText('合并'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect(Taro.showModal.mock.calls[0]![0].content).toContain('所有持有 #pokemon 的群友都会改为 #pokemon go');
  await waitFor(() =>
    expect(requestCalls().find((call) => call.method === 'POST')?.data).toEqual({
      from: 'pokemon',
      into: 'pokemon go',
    }),
  );
});
