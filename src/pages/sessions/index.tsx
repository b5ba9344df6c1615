import { ComingSoon } from '@/components/coming-soon';

export default function SessionsPage() {
  return <ComingSoon title="活动" description="社群的线上线下活动：查看名额、报名、候补和签到。" />;
}
