import { Text, View } from '@tarojs/components';

/** An honest placeholder for a tab whose feature is not built yet: no sample content. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <View className="page">
      <View className="card coming-soon">
        <Text className="coming-soon__title">{title} · 即将上线</Text>
        <Text className="coming-soon__description">{description}</Text>
      </View>
    </View>
  );
}
