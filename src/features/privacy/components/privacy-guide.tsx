import { Text, View } from '@tarojs/components';
import { privacyGuideSections } from '../privacy-guide-sections';
import '../privacy.scss';

/** The 隐私保护指引: what we use, why, and who sees it, section by section. */
export function PrivacyGuide() {
  return (
    <View className="privacy-guide">
      <View className="card">
        <Text className="title">群友圈隐私保护指引</Text>
        <Text className="hint">我们只收集让社群运转所需的信息，下面逐项说明用途。</Text>
      </View>
      {privacyGuideSections.map((section) => (
        <View key={section.title}>
          <View className="section-title">{section.title}</View>
          <View className="card">
            {section.items.map((item) => (
              <View key={item.name} className="privacy-guide__item">
                <Text className="privacy-guide__name">{item.name}</Text>
                <Text className="hint">{item.why}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
