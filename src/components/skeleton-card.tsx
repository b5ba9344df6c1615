import { View } from '@tarojs/components';

/** Grey bars in the shape of a card while its content loads. */
export function SkeletonCard({ lines = 3 }: { lines?: number }) {
  return (
    <View className="card skeleton" aria-busy="true">
      <View className="skeleton__bar skeleton__bar--title" />
      {Array.from({ length: lines }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the bars are identical and never reorder
        <View key={index} className="skeleton__bar" />
      ))}
    </View>
  );
}
