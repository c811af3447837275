import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import routerFixes from './taro-router-fixes.cjs'
import nutuiButton from './nutui-button.cjs'
import nutuiTheme from './nutui-theme.cjs'

/**
 * One config for the weapp and H5 builds. `LINLI_APP=empty` builds an empty two-page app with the
 * same settings: the size benchmark's baseline.
 */
const empty = process.env.LINLI_APP === 'empty'
// The contracts are shared with the functions and live outside src/: Taro must compile them too.
const shared = [path.resolve(__dirname, '..', 'cloudfunctions', 'contracts')]
const h5 = process.env.TARO_ENV === 'h5'

/** The part of webpack-chain the loaders below are mounted with. */
interface Chain {
  module: { rule(name: string): { test(t: RegExp): { enforce(e: 'pre'): { use(name: string): { loader(file: string): unknown } } } } }
}

/**
 * NutUI's theme without its embedded number fonts and the variables nothing reads (nutui-theme.cjs),
 * and its button stylesheet without the variants we never draw (nutui-button.cjs).
 */
function trimNutuiStyles(chain: Chain): void {
  chain.module.rule('nutui-theme').test(nutuiTheme.THEME_FILE).enforce('pre').use('nutui-theme').loader(path.resolve(__dirname, 'nutui-theme.cjs'))
  chain.module.rule('nutui-button').test(nutuiButton.BUTTON_FILE).enforce('pre').use('nutui-button').loader(path.resolve(__dirname, 'nutui-button.cjs'))
}

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> & object = {
    projectName: 'linli',
    date: '2026-11-23',
    // NutUI is drawn at 375; our own styles at 750 (rpx = px in our scss).
    designWidth(input?: string | number | { file?: string }) {
      const file = typeof input === 'object' && input ? input.file : undefined
      return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: empty ? 'bench/empty-app/src' : 'src',
    outputRoot: empty ? (h5 ? 'build/empty-h5' : 'build/empty-weapp') : h5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      LINLI_CLOUD_ENV: JSON.stringify(process.env.LINLI_CLOUD_ENV ?? '')
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@contracts': path.resolve(__dirname, '..', 'cloudfunctions', 'contracts')
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    // Taro's mini-program minifier writes every non-ASCII character as a 6-byte \uXXXX escape; WeChat
    // reads its JS as UTF-8, where a Chinese character takes 3. The package limits count bytes, and
    // the labels are Chinese. (Terser still escapes U+2028/U+2029, which old parsers reject.)
    ...(h5 ? {} : { terser: { enable: true, config: { output: { ascii_only: false } } } }),
    mini: {
      compile: { include: shared },
      // Dependencies used only by subpackages stay out of the main package.
      optimizeMainPackage: { enable: true },
      webpackChain(chain) {
        trimNutuiStyles(chain)
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      miniCssExtractPluginOption: { ignoreOrder: true }
    },
    h5: {
      compile: { include: shared },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Mends two page-stack races in Taro's H5 router (a back within ~200 ms of a tap left the home blank).
      webpackChain(chain) {
        trimNutuiStyles(chain)
        chain.module
          .rule('taro-router-fixes')
          .test(routerFixes.ROUTER_FILES)
          .enforce('pre')
          .use('taro-router-fixes')
          .loader(path.resolve(__dirname, 'taro-router-fixes.cjs'))
        // The navigation bar Taro's router draws on H5 (WeChat has its own), sized like WeChat's.
        if (!empty) chain.entry('app').add(path.resolve(__dirname, '..', 'src', 'ui', 'shell', 'nav-bar.h5.scss'))
      },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      }
    }
  }
  return config
})
