/**
 * The lanes of the code, as import rules: `npm run lint` checks them (scripts/check-imports.mjs runs
 * dependency-cruiser with these rules and adds the one rule it cannot express, no cycles between server
 * modules). test/lint/import-rules.test.ts plants a forbidden import for each rule and expects a failure.
 */
const tables = '^server/db/(schema\\.ts|tables/)';

module.exports = {
  forbidden: [
    {
      name: 'contract-types-only-in-the-client',
      comment:
        'The mini program imports the API contract with `import type` only: TypeBox must stay out of the weapp and H5 bundles.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/domain/contract/' },
      to: { path: '^src/domain/contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-typebox-in-the-client',
      comment: 'Schemas live in src/domain/contract; the rest of the client never loads TypeBox.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/domain/contract/' },
      to: { path: 'node_modules/@sinclair/typebox' },
    },
    {
      name: 'features-do-not-import-each-other',
      comment:
        'What two features share moves to src/components, src/lib or src/domain, or the page composes them.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'shared-code-imports-no-feature',
      comment: 'src/lib, src/components and src/domain serve every feature and know none of them.',
      severity: 'error',
      from: { path: '^src/(lib|components|domain)/' },
      to: { path: '^src/(features|pages|member|owner)/' },
    },
    {
      name: 'domain-is-plain-typescript',
      comment: 'src/domain runs on both sides: no Taro, React, Fastify, Drizzle, nor client or server code.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        path: [
          '^src/(lib|components|features|pages|member|owner)/',
          '^server/',
          'node_modules/(@tarojs|react|react-dom|zustand|dayjs|fastify|@fastify|fastify-plugin|drizzle-orm|pg|@electric-sql)/',
        ],
      },
    },
    {
      name: 'services-reach-tables-through-repositories',
      comment: 'A service owns the transaction and calls repositories; only repositories build queries.',
      severity: 'error',
      from: { path: '^server/modules/.+-service\\.ts$' },
      to: { path: [tables, 'node_modules/drizzle-orm/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'http-and-jobs-reach-tables-through-modules',
      comment: 'Routes, plugins and the job runner call services; they never touch the tables.',
      severity: 'error',
      from: { path: '^server/(routes|plugins|jobs)/' },
      to: { path: tables },
    },
    {
      name: 'demo-data-apart-from-production-code',
      comment:
        'The demo community (server/db/demo, seed.ts) is seeded on request (server.ts with SEED_DEMO, npm run seed); nothing else imports it.',
      severity: 'error',
      from: { path: '^(server|src)/', pathNot: '^server/(server\\.ts$|db/demo/|db/seed(-command)?\\.ts$)' },
      to: { path: '^server/db/(demo/|seed\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|dist-h5|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
