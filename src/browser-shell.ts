// WeChat draws its own navigation bar; only the browser build styles Taro's (browser-shell.h5.ts).
export {};
