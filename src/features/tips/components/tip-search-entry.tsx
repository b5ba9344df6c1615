import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pagePaths } from '@/domain/page-paths';
import '../tips.scss';

/** 技巧's search bar: a tap opens the search page (in the member subpackage, off the first screen). */
export function TipSearchEntry() {
  return (
    <Text className="tip-search-entry" onClick={() => Taro.navigateTo({ url: pagePaths.tipSearch })}>
      搜索技巧
    </Text>
  );
}
