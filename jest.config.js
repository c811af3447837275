/** Three projects: `unit` (domain, handlers, store, registry), `weapp` (compiled pages), `e2e` (Chromium). */
const common = {
  // Only source folders are crawled: build output (function bundles, H5 and weapp builds) being
  // written by a build must never break a test run. Tests still load bundles by path.
  roots: ['<rootDir>/tests', '<rootDir>/src', '<rootDir>/cloudfunctions', '<rootDir>/scripts', '<rootDir>/bench'],
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json', 'cjs'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@contracts/(.*)$': '<rootDir>/cloudfunctions/contracts/$1',
    '\\.s?css$': '<rootDir>/tests/support/style-stub.ts'
  }
}

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/handlers/**/*.test.ts', '<rootDir>/tests/store/**/*.test.ts']
    },
    {
      ...common,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts']
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts']
    }
  ]
}
