/// <reference types="@tarojs/taro" />

declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
    /** Base URL of the API; empty means the same origin (H5 served by the API server). */
    TARO_APP_API_BASE?: string;
    /** 'true' shows the demo-user login page in H5. */
    TARO_APP_DEV_LOGIN?: string;
  }
}
