/**
 * Layer rules, checked by `npm run layers` (part of `npm test`):
 * pages -> client (api, session) -> core + transport; services hold platform glue only; contracts are shared; the domain core is pure;
 * SDKs appear only in adapters; nothing deployable reaches the local-only dev server.
 */
// Packages resolve to their node_modules path, so the pattern matches that (and a bare name).
const SDKS = '(^|node_modules/)(@cloudbase/|wx-server-sdk|better-sqlite3|@electric-sql/)'

module.exports = {
  forbidden: [
    {
      name: 'pages-use-only-the-client-surface',
      comment: 'Pages call `api` and the session from src/client/index.ts; the core and transports stay behind it.',
      severity: 'error',
      from: { path: '^src/(pages|packages|components|ui)/' },
      to: { path: '^src/client/(?!index\\.ts$)' }
    },
    {
      name: 'console-shares-only-the-platform-free-core',
      comment: 'The office console reuses the contracts, the client core and pure helpers; nothing of Taro, the mini-program pages or the functions.',
      severity: 'error',
      from: { path: '^console/' },
      to: { path: ['^@tarojs/', 'node_modules/@tarojs/', '^src/(?!client/core/|utils/(qr|time|money|link|form-errors|campaign-draft|event-draft|coupon-form|console-link|notice-draft)\\.ts$|utils/qr/)', '^cloudfunctions/(?!contracts/)', '^scripts/'] }
    },
    {
      name: 'client-core-is-platform-free',
      comment: 'The web console reuses the client core: it must not depend on Taro or the mini-program.',
      severity: 'error',
      from: { path: '^src/client/core/' },
      to: { path: ['^@tarojs/', 'node_modules/@tarojs/', '^src/(?!client/core/)'] }
    },
    {
      name: 'only-client-and-dev-login-use-transport',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(client/|services/dev-login\\.ts)' },
      to: { path: '^src/client/transport/' }
    },
    {
      name: 'mini-program-imports-only-contracts',
      comment: 'The mini-program shares the zod contracts with the functions, nothing else server-side.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(cloudfunctions/(?!contracts/)|scripts/)' }
    },
    {
      name: 'contracts-are-leaf',
      comment: 'Contracts are shipped to the phone: zod and each other only.',
      severity: 'error',
      from: { path: '^cloudfunctions/contracts/' },
      to: { path: '^(cloudfunctions/(?!contracts/)|src/|scripts/)' }
    },
    {
      name: 'domain-is-pure',
      comment: 'The domain core imports no SDK, no adapter and no I/O.',
      severity: 'error',
      from: { path: '^cloudfunctions/(domain|kernel)/' },
      to: { path: [SDKS, '^cloudfunctions/adapters/', '^node:(fs|http|https|net|child_process)$', '^(fs|http|https|net|child_process)$'] }
    },
    {
      name: 'sdks-only-in-adapters',
      severity: 'error',
      from: { path: '^(cloudfunctions|src)/', pathNot: '^cloudfunctions/adapters/' },
      to: { path: SDKS }
    },
    {
      name: 'functions-never-reach-local-server',
      comment: 'The dev login and sandbox live in scripts/: no deployable code may import them.',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^scripts/' }
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    // node_modules stays in the graph (not followed) so rules about SDK imports can see them.
    exclude: { path: '^(dist|dist-h5|build)/' }
  }
}
