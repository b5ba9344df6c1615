/** Page paths of the promotions feature (src/lib/routes.ts holds the foundation's). */
export const promotionRoutes = {
  tab: '/pages/promotions/index',
  review: '/owner/promotion-review/index',
  rules: '/owner/promotion-rules/index',
} as const;
