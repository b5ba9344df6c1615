// Two projects: the mini program's code in jsdom, the server and shared rules in node.
// Babel is configured inline so babel-preset-taro (for the Taro build) stays out of jest.
const babelTransform = [
  'babel-jest',
  {
    configFile: false,
    babelrc: false,
    presets: [
      ['@babel/preset-env', { targets: { node: 'current' } }],
      ['@babel/preset-react', { runtime: 'automatic' }],
      '@babel/preset-typescript',
    ],
  },
];

const shared = {
  transform: { '^.+\\.(t|j)sx?$': babelTransform },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1', '^@/(.*)$': '<rootDir>/src/$1' },
};

module.exports = {
  // A cold PGlite start can take several seconds on 2 cores.
  testTimeout: 30000,
  // Jest's default on 2 cores is one worker; two keep both busy (npm test: 11 min -> 8 min here).
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/client/**/*.test.ts?(x)'],
      moduleNameMapper: {
        // First, so that a stylesheet imported through the @/ alias is stubbed too.
        '\\.(css|scss)$': '<rootDir>/test/client/shims/style.ts',
        ...shared.moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/test/client/shims/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/test/client/shims/taro.ts',
      },
    },
    {
      ...shared,
      displayName: 'server',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/test/server/**/*.test.ts',
        '<rootDir>/test/domain/**/*.test.ts',
        '<rootDir>/test/lint/**/*.test.ts',
      ],
      // *.pg.test.ts need PostgreSQL and *.slow.test.ts start real server processes: both run in test:pg.
      testPathIgnorePatterns: ['\\.pg\\.test\\.ts$', '\\.slow\\.test\\.ts$'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
