/**
 * Import rules that `npm run lint` enforces (dependency-cruiser). Each rule names the lane it keeps;
 * test/lint/import-rules.test.ts plants a forbidden import for each and expects this check to fail.
 */
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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|dist-h5|\\.data|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
