/** Builds the H5 app if stale and starts the server with the demo community; sets E2E_BASE_URL. */
export default function globalSetup(): Promise<void>;
