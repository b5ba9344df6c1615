import { ComingSoon } from '@/components/coming-soon';

export default function PromotionsPage() {
  return <ComingSoon title="推广" description="按社群规则申请推广时段，审核通过后在约定时间分享。" />;
}
