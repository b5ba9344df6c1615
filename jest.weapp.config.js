// The WeChat build as it runs: builds dist/ and boots it in a simulated mini program runtime in Node
// (test/weapp/), against the real API server. Slow (a weapp build), so not part of `npm test`.
module.exports = {
  displayName: 'weapp',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1', '^@/(.*)$': '<rootDir>/src/$1' },
  testTimeout: 60000,
  maxWorkers: 1,
};
