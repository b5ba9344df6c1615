export default definePageConfig({ navigationBarTitleText: '申请推广' });
