import { View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { SearchBox } from '@/components/search-box';
import { tipPath } from '@/domain/page-paths';
import { tipLimits } from '@/domain/tips';
import { SignInGate } from '@/features/auth/components/sign-in-gate';
import { useTipSearch } from '@/features/tips/api/search-tips';
import { TipSearchResults } from '@/features/tips/components/tip-search-results';
import { useLoginSession } from '@/lib/login-session';

function TipSearch() {
  const communityId = useLoginSession((state) => state.currentCommunityId);
  const [q, setQ] = useState('');
  const results = useTipSearch(communityId, q);
  useReachBottom(() => {
    results.loadMore();
  });
  return (
    <>
      <SearchBox
        name="tip-search"
        placeholder="搜索技巧：烘焙、红薯、PPT…"
        maxLength={tipLimits.searchQueryMax}
        onSearch={setQ}
        focus
      />
      <TipSearchResults
        q={q}
        results={results}
        onOpen={(tipId) => Taro.navigateTo({ url: tipPath(tipId) })}
      />
    </>
  );
}

export default function TipSearchPage() {
  return (
    <View className="page tip-search-page">
      <SignInGate>
        <TipSearch />
      </SignInGate>
    </View>
  );
}
