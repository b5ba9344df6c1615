/** Only H5 starts requests at launch (launch-requests.h5.ts): WeChat loads every tab page's code with the app. */
export function startLaunchRequests(): void {}
