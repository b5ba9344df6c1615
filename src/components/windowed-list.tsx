import { View } from '@tarojs/components';
import Taro, { usePageScroll } from '@tarojs/taro';
import { Fragment, type ReactNode, useEffect, useRef, useState } from 'react';

/** Up to this many rows a list renders them all; past it, WeChat's setData grows slow with every node. */
export const windowingThreshold = 200;

interface WindowedListProps<T> {
  items: T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** Every row's height including its margin, in rpx: the CSS must hold each row to exactly this. */
  itemHeightRpx: number;
  threshold?: number;
}

let lists = 0;

function windowSize(): { windowWidth: number; windowHeight: number } {
  // In the browser, Taro's window info parses the user agent first (40-90 ms on the first page).
  if (process.env.TARO_ENV === 'h5')
    return { windowWidth: window.innerWidth, windowHeight: window.innerHeight };
  // getWindowInfo arrived in base library 2.20.1; older WeChat has only the deprecated call.
  return Taro.getWindowInfo ? Taro.getWindowInfo() : Taro.getSystemInfoSync();
}

/**
 * A list in the page's own scroll: past the threshold only the rows near the screen are rendered,
 * between two spacers as tall as the rows left out. The rows move a screen at a time, so a scroll
 * renders only when it crosses into another screen, not on every event.
 */
export function WindowedList<T>({
  items,
  itemKey,
  renderItem,
  itemHeightRpx,
  threshold = windowingThreshold,
}: WindowedListProps<T>) {
  const id = useState(() => `windowed-list-${++lists}`)[0];
  const screen = useState(windowSize)[0];
  // Which screenful of rows the view's top is in; null until the list's top has been measured.
  const [block, setBlock] = useState<number | null>(null);
  const scrollTop = useRef(0);
  const listTop = useRef<number | null>(null);
  const windowed = items.length > threshold && block !== null;
  const rowPx = (itemHeightRpx * screen.windowWidth) / 750;
  const perScreen = Math.ceil(screen.windowHeight / rowPx);

  const follow = () => {
    if (items.length > threshold && listTop.current !== null)
      setBlock(Math.floor(Math.max(0, scrollTop.current - listTop.current) / rowPx / perScreen));
  };

  usePageScroll((event) => {
    scrollTop.current = event.scrollTop;
    follow();
  });

  // The list's top is taken in the terms of the page scroll events (on H5 the viewport query may
  // read another tab's page), and taken again as rows arrive and at every screen crossed, so a
  // change above the list (tag chips, an error) is caught up with.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the moments to measure again
  useEffect(() => {
    if (items.length <= threshold) return;
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .boundingClientRect()
      .exec(([rect]) => {
        if (!rect) return;
        listTop.current = rect.top + scrollTop.current;
        follow();
      });
  }, [items.length, block]);

  // The view lies within blocks `block` and `block + 1`: one more screen is rendered on each side.
  const start = windowed ? Math.min(Math.max(0, block - 1) * perScreen, items.length) : 0;
  const end = windowed ? Math.min((block + 3) * perScreen, items.length) : items.length;
  const spacer = (rows: number) => ({ height: `${rows * rowPx}px` });
  return (
    <>
      <View id={id} style={spacer(start)} />
      {items.slice(start, end).map((item) => (
        <Fragment key={itemKey(item)}>{renderItem(item)}</Fragment>
      ))}
      {end < items.length && <View style={spacer(items.length - end)} />}
    </>
  );
}
