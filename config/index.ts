import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { weappApiAddressProblem } from './api-address';
import devConfig from './dev';
import { FirstScreenPreloads } from './first-screen-preloads';
import prodConfig from './prod';

export default defineConfig<'webpack5'>(async (merge) => {
  if (process.env.TARO_ENV === 'weapp') {
    const problem = weappApiAddressProblem(
      process.env.TARO_APP_API_BASE,
      process.env.NODE_ENV === 'production',
    );
    // Taro logs an exception thrown here and builds on with an empty config: stop with one line instead.
    if (problem) {
      console.error(`weapp build stopped: ${problem}`);
      process.exit(1);
    }
  }
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qunyou',
    date: '2026-11-26',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    // The bench builds its bare hello-world fixture with this same config into other folders.
    sourceRoot: process.env.TARO_SOURCE_ROOT ?? 'src',
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? (process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist'),
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    framework: 'react',
    // Prebundling off keeps the build offline (see /work/shared/FACTS.md).
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // A fixture build keeps its own webpack cache, so it never evicts the app's.
    cache: process.env.TARO_SOURCE_ROOT
      ? { enable: true, name: `fixture-${process.env.NODE_ENV}-${process.env.TARO_ENV}` }
      : { enable: true },
    // Taro's default (ascii_only) writes every Chinese character as \uXXXX: 6 bytes instead of the
    // 3 of UTF-8, about 8 KB of the weapp main package. WeChat and browsers read UTF-8 sources as they are.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      // Taro runs babel on src/ and its own packages only. These dependencies ship ES2015+ syntax,
      // which project.config.json (es6: false) tells WeChat not to compile: the base library
      // versions we declare must run the output as it is. scripts/check-weapp-dist.mjs parses every
      // file as ES5 and names the one to add here when a new dependency brings newer syntax.
      compile: { include: [(file: string) => /node_modules[\\/](zustand)[\\/]/.test(file)] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        // Base library 3.4 (project.config.json) runs in WeChat 8, whose web views are iOS 11+ and
        // Chrome 66+ (XWeb): the -webkit-/-ms- flexbox prefixes for iOS 8 and Android 4.1 of the
        // package.json browserslist (which babel's ES5 output still follows) were a third of our CSS.
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['ios >= 11', 'chrome >= 66'] } },
        cssModules: { enable: false },
      },
    },
    h5: {
      webpackChain(chain) {
        chain.plugin('first-screen-preloads').use(FirstScreenPreloads, ['pages/index/index', '/']);
        // Taro splits only the entry's chunks, so every page chunk carried its own copy of the Taro
        // component wrappers and APIs it uses (150-250 KB each). Shared code is split out of the
        // page chunks as well (dist-h5: 4.6 MB -> 1.6 MB). The size floor and request cap keep the
        // pieces few: with 20 KB pieces alone the tips page waited on seven chunks, not five.
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks)
          chain.optimization.splitChunks({
            ...splitChunks,
            chunks: 'all',
            minSize: 20_000,
            maxAsyncRequests: 3,
          });
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
