/** What time it is, for the app: routes, services and jobs ask the app's clock; tests move it. */
export type Clock = () => Date;

export const realClock: Clock = () => new Date();
