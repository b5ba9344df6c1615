// Every table, one file per area under tables/. drizzle-kit reads this file to generate migrations.
export * from './tables/communities';
export * from './tables/exports';
export * from './tables/moderation';
export * from './tables/notifications';
export * from './tables/profiles';
export * from './tables/promotions';
export * from './tables/rate-limits';
export * from './tables/sessions';
export * from './tables/tips';
export * from './tables/uploads';
export * from './tables/users';
export * from './tables/wechat';
export * from './tables/weekly-digests';
