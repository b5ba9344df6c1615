import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Compilation, Compiler } from 'webpack';

const pluginName = 'first-screen-preloads';

/** How Taro's router imports a page (`./pages/tips/index`, `./member/profile/edit`): the page's path. */
const pageImport = /^\.\/([\w-]+\/[\w-]+\/[\w-]+)$/;

/** Each page's own files (`pages/tips/index` -> its js and css chunks), beyond the entry's. */
function filesOfPages(compilation: Compilation, publicPath: string) {
  const files: Record<string, string[]> = {};
  for (const group of compilation.chunkGroups) {
    if (group.isInitial()) continue;
    for (const origin of group.origins) {
      const page = pageImport.exec(origin.request ?? '')?.[1];
      if (!page) continue;
      files[page] = group
        .getFiles()
        .filter((file) => /\.(js|css)$/.test(file))
        .map((file) => `${publicPath}${file}`);
    }
  }
  return files;
}

/** Runs as index.html is parsed: preloads the files of the page the address opens (the first page without one). */
function preloadScript(files: Record<string, string[]>, firstPage: string): string {
  return `(function (files, route) {
  var page = location.hash.replace(/^#\\/?|\\?.*$/g, '') || route;
  (files[page] || []).forEach(function (file) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = /\\.css$/.test(file) ? 'style' : 'script';
    link.href = file;
    document.head.appendChild(link);
  });
})(${JSON.stringify(files)}, ${JSON.stringify(firstPage)});`;
}

/**
 * H5: the router fetches a page's chunks only once the app's entry has run, a round trip after it
 * (on a phone's network, the longest wait before the first screen). index.html names each page's
 * chunks and preloads those of the page being opened, so they arrive alongside the entry.
 */
export class FirstScreenPreloads {
  constructor(
    private readonly firstPage: string,
    private readonly publicPath: string,
  ) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(pluginName, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(pluginName, (data) => {
        const files = filesOfPages(compilation, this.publicPath);
        data.headTags.push(
          HtmlWebpackPlugin.createHtmlTagObject('script', {}, preloadScript(files, this.firstPage)),
        );
        return data;
      });
    });
  }
}
