import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * The layer rules must actually bite: a throwaway tree with one violation per rule is cruised with
 * the project's own config, and every rule has to report its violation.
 */
const ROOT = path.resolve(__dirname, '..', '..')
const DEPCRUISE = path.join(ROOT, 'node_modules', '.bin', 'depcruise')

const files: Record<string, string> = {
  'src/client/index.ts': "export const call = () => 1\n",
  'src/client/transport/index.ts': "export const transport = () => 1\n",
  'src/services/user.ts': "import { call } from '../client'\nexport const me = call\n",
  'src/pages/home/index.ts': "import { call } from '../../client'\nexport default call\n",
  'src/client/core/api.ts': "export const core = 1\n",
  'src/client/core/leak.ts': "import Taro from '@tarojs/taro'\nimport { me } from '../../services/user'\nexport const leak = [Taro, me]\n",
  'src/pages/me/index.ts': "import { core } from '../../client/core/api'\nexport default core\n",
  'src/services/sneaky.ts': "import { transport } from '../client/transport'\nexport default transport\n",
  'src/services/server.ts': "import { use } from '../../cloudfunctions/domain/user'\nexport default use\n",
  'cloudfunctions/contracts/user.ts': "import { use } from '../domain/user'\nexport const c = use\n",
  'cloudfunctions/domain/user.ts': "import { readFileSync } from 'node:fs'\nimport { Db } from '../adapters/db'\nexport const use = () => [readFileSync, Db]\n",
  'cloudfunctions/adapters/db.ts': "import tcb from '@cloudbase/node-sdk'\nexport const Db = tcb\n",
  'cloudfunctions/kernel/main.ts': "import tcb from '@cloudbase/node-sdk'\nimport { sign } from '../../scripts/server/dev-session'\nexport const m = [tcb, sign]\n",
  'scripts/server/dev-session.ts': "export const sign = () => 1\n",
  'cloudfunctions/a.ts': "import { b } from './b'\nexport const a = () => b\n",
  'cloudfunctions/b.ts': "import { a } from './a'\nexport const b = () => a\n",
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } })
}

describe('layer rules (dependency-cruiser)', () => {
  let dir: string
  let output: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-layers-'))
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      writeFileSync(path.join(dir, file), text)
    }
    cpSync(path.join(ROOT, '.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'))
    // The SDK must resolve for the rules that name it; the real package is linked in.
    mkdirSync(path.join(dir, 'node_modules', '@cloudbase'), { recursive: true })
    cpSync(path.join(ROOT, 'node_modules', '@cloudbase', 'node-sdk', 'package.json'), path.join(dir, 'node_modules', '@cloudbase', 'node-sdk', 'package.json'))
    writeFileSync(path.join(dir, 'node_modules', '@cloudbase', 'node-sdk', 'index.js'), 'module.exports = {}\n')
    const r = spawnSync(DEPCRUISE, ['--config', '.dependency-cruiser.cjs', '--output-type', 'err-long', 'src', 'cloudfunctions', 'scripts'], {
      cwd: dir,
      encoding: 'utf8'
    })
    output = `${r.stdout}\n${r.stderr}`
  }, 60_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each([
    'pages-use-only-the-client-surface',
    'client-core-is-platform-free',
    'only-client-and-dev-login-use-transport',
    'mini-program-imports-only-contracts',
    'contracts-are-leaf',
    'domain-is-pure',
    'sdks-only-in-adapters',
    'functions-never-reach-local-server',
    'no-circular'
  ])('%s reports its violation', (rule) => {
    expect(output).toContain(rule)
  })

  it('lets the allowed paths through: pages and services use the client surface, adapters use the SDK', () => {
    expect(output).not.toMatch(/src\/services\/user\.ts → src\/client/)
    expect(output).not.toMatch(/src\/pages\/home\/index\.ts → src\/client\/index\.ts/)
    expect(output).not.toMatch(/cloudfunctions\/adapters\/db\.ts → .*@cloudbase/)
  })
})
