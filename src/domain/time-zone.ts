/**
 * The app's wall clock: days, weeks and typed times are China's whatever the phone or the server says.
 * China has kept UTC+8, without summer time, since 1991, so the fixed offset is exact.
 */
export const appTimeZone = 'Asia/Shanghai';
export const appUtcOffsetMinutes = 8 * 60;
