import { Text, View } from '@tarojs/components';
import '../dashboard.scss';

/**
 * The member count on a track from 0 to the capacity, the recommended band shaded, so the owner
 * sees at a glance whether the community is too small, right, or too big.
 */
export function SizeMeter({
  memberCount,
  capacity,
  band,
}: {
  memberCount: number;
  capacity: number;
  band: { min: number; max: number };
}) {
  const scale = Math.max(capacity, band.max, memberCount, 1);
  const at = (value: number) => `${Math.min(100, (value / scale) * 100)}%`;
  return (
    <View className="size-meter">
      <View className="size-meter__track">
        <View className="size-meter__band" style={{ left: at(band.min), width: at(band.max - band.min) }} />
        <View className="size-meter__fill" style={{ width: at(memberCount) }} />
      </View>
      <View className="size-meter__scale">
        <Text>0</Text>
        <Text>
          推荐 {band.min}-{band.max}
        </Text>
        <Text>上限 {capacity}</Text>
      </View>
    </View>
  );
}
