import { act, render, screen, waitFor } from '@testing-library/react';
import { windowingThreshold } from '@/components/windowed-list';
import type { TipCardView } from '@/domain/contract/tips';
import { tipCardRowRpx } from '@/features/tips/components/tip-card';
import { TipFeed } from '@/features/tips/components/tip-feed';
import type { TipFeedState } from '@/features/tips/hooks/use-tip-feed';
import { taroTest } from '../shims/taro';
import { tipCard } from '../support/tip-card';

beforeEach(() => {
  taroTest.reset();
});

afterEach(() => {
  jest.restoreAllMocks();
});

// The shim's window is 375 px wide: a card row is half its rpx in pixels.
const rowPx = (tipCardRowRpx * 375) / 750;

function loadedFeed(items: TipCardView[]): TipFeedState {
  const settled = async () => {};
  return {
    items,
    status: 'ready',
    error: null,
    hasMore: true,
    loadingMore: false,
    moreError: null,
    reload: settled,
    loadMore: settled,
  };
}

function renderFeed(count: number) {
  return render(
    <TipFeed
      filter={{ sort: 'recommended', tag: null }}
      onFilterChange={jest.fn()}
      feed={loadedFeed(Array.from({ length: count }, (_, n) => tipCard(n)))}
      tags={{ myTags: ['烘焙'], otherTags: [] }}
      canPublish={false}
      onOpen={jest.fn()}
      onCompose={jest.fn()}
    />,
  );
}

/** The rows left out stand in as empty blocks above and below the cards. */
function spacerHeights(container: HTMLElement): number {
  return Array.from(container.querySelectorAll<HTMLElement>('.tip-feed > div[style]')).reduce(
    (sum, spacer) => sum + Number.parseFloat(spacer.style.height),
    0,
  );
}

test('up to the threshold every card is on the page, with nothing standing in for any', async () => {
  const { container } = renderFeed(windowingThreshold);
  await act(async () => {});
  expect(container.querySelectorAll('.tip-card')).toHaveLength(windowingThreshold);
  expect(screen.getByText(`技巧${windowingThreshold - 1}`)).toBeTruthy();
  expect(spacerHeights(container)).toBe(0);
  expect(screen.getByText('加载更多')).toBeTruthy();
});

test('a thousand tips put only the cards around the screen on the page, and scrolling brings the others', async () => {
  const { container } = renderFeed(1_000);
  await waitFor(() => expect(container.querySelectorAll('.tip-card').length).toBeLessThan(60));
  const cards = () => container.querySelectorAll('.tip-card').length;
  expect(screen.getByText('技巧0')).toBeTruthy();
  expect(screen.queryByText('技巧500')).toBeNull();
  // The page is as tall as if every card were there.
  expect(spacerHeights(container)).toBeCloseTo((1_000 - cards()) * rowPx);
  // The end of the list is still below the cards, so infinite scroll keeps working.
  expect(screen.getByText('加载更多')).toBeTruthy();

  await act(async () => {
    await taroTest.firePageScroll(500 * rowPx);
  });
  expect(screen.getByText('技巧500')).toBeTruthy();
  expect(screen.getByText('第一行501')).toBeTruthy();
  expect(screen.queryByText('技巧0')).toBeNull();
  expect(cards()).toBeLessThan(60);
  expect(spacerHeights(container)).toBeCloseTo((1_000 - cards()) * rowPx);

  // Back to the top: the first cards again.
  await act(async () => {
    await taroTest.firePageScroll(0);
  });
  expect(screen.getByText('技巧0')).toBeTruthy();
  expect(screen.queryByText('技巧500')).toBeNull();
});

test('the cards shown follow where the list starts on the page, below the chips and the switch', async () => {
  const listTop = 2_000;
  jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ top: listTop } as DOMRect);
  const { container } = renderFeed(1_000);
  await waitFor(() => expect(container.querySelectorAll('.tip-card').length).toBeLessThan(60));

  // Still above the list: its first cards.
  await act(async () => {
    await taroTest.firePageScroll(1_500);
  });
  expect(screen.getByText('技巧0')).toBeTruthy();
  await act(async () => {
    await taroTest.firePageScroll(listTop + 700 * rowPx);
  });
  await waitFor(() => expect(screen.getByText('技巧700')).toBeTruthy());
  expect(screen.getByText('技巧703')).toBeTruthy();
  expect(screen.queryByText('技巧0')).toBeNull();
});
