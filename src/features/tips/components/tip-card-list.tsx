import { WindowedList } from '@/components/windowed-list';
import type { TipCardView } from '@/domain/contract/tips';
import { TipCard, tipCardRowRpx } from './tip-card';

/** Tip cards in the page's scroll; a long list renders only the cards near the screen. */
export function TipCardList({ tips, onOpen }: { tips: TipCardView[]; onOpen: (tipId: string) => void }) {
  return (
    <WindowedList
      items={tips}
      itemKey={(tip) => tip.id}
      renderItem={(tip) => <TipCard tip={tip} onOpen={onOpen} />}
      itemHeightRpx={tipCardRowRpx}
    />
  );
}
