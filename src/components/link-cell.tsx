import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './cell.scss';

/** A WeUI cell that opens a page: the label takes the row, a chevron ends it, the whole row is the tap. */
export function LinkCell({ label, url, className }: { label: string; url: string; className?: string }) {
  return (
    <View className={`list-item ${className ?? ''}`} onClick={() => Taro.navigateTo({ url })}>
      <Text className="cell__label">{label}</Text>
      <Text className="cell__arrow">›</Text>
    </View>
  );
}
