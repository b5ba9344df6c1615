/** Stops the server globalSetup started. */
export default function globalTeardown(): Promise<void>;
