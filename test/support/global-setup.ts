import { ensurePgliteTemplate, templateEnvVar } from './pglite-template';

export default async function globalSetup(): Promise<void> {
  process.env[templateEnvVar] = await ensurePgliteTemplate();
}
