export default definePageConfig({ navigationBarTitleText: '推广规则' });
