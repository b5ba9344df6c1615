// Every table, one file per area under tables/. drizzle-kit reads this file to generate migrations.
export * from './tables/communities';
export * from './tables/users';
export * from './tables/wechat';
