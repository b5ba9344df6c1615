import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { FakeWx } from './fake-wx';
import { type RenderedNode, textOf, type WxmlRenderer } from './wxml-renderer';

type Options = Record<string, unknown>;
type Lifecycle = (this: PageInstance, ...args: unknown[]) => unknown;

/** A page as WeChat makes it: the options given to `Page()`, its own data, `setData`. */
export interface PageInstance {
  route: string;
  __route__: string;
  options: Record<string, string>;
  data: Record<string, unknown>;
  setData(patch: Record<string, unknown>, callback?: () => void): void;
  [method: string]: unknown;
}

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string; text: string }[] };
}

/** WeChat's setData path: `root.cn.[0].v` or `root.cn[0].v`. */
function pathKeys(dataPath: string): (string | number)[] {
  return [...dataPath.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((match) =>
    match[1] !== undefined ? Number(match[1]) : match[2]!,
  );
}

function applySetData(data: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [dataPath, value] of Object.entries(patch)) {
    const keys = pathKeys(dataPath);
    let target = data as Record<string | number, unknown>;
    keys.slice(0, -1).forEach((key, index) => {
      if (target[key] === null || typeof target[key] !== 'object')
        target[key] = typeof keys[index + 1] === 'number' ? [] : {};
      target = target[key] as Record<string | number, unknown>;
    });
    // WeChat sends setData across threads as JSON: no functions, no shared references.
    target[keys.at(-1)!] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
}

/**
 * The WeChat build in dist/ running in a `vm` context, as WeChat's logic layer runs it: every file
 * is a module with its own `require`, `App()`/`Page()`/`Component()` register what a file defines,
 * and this class drives the lifecycle by hand. Rendering goes through the compiled templates
 * (see wxml-renderer.ts). There is no layout, no view thread and no real base library.
 */
export class MiniProgram {
  readonly errors: unknown[] = [];
  readonly appJson: AppJson;
  private readonly context: vm.Context;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageOptions = new Map<string, Options>();
  private readonly stack: PageInstance[] = [];
  private app: Options | null = null;
  private loadingRoute: string | null = null;
  private setDataCount = 0;

  constructor(
    private readonly dist: string,
    private readonly fake: FakeWx,
    private readonly renderer: WxmlRenderer,
  ) {
    this.appJson = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'));
    this.context = vm.createContext({
      wx: fake.wx,
      // React and Taro report a failed render or handler on console.error and carry on.
      console: { ...console, error: (...args: unknown[]) => this.errors.push(args.map(String).join(' ')) },
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      App: (options: Options) => {
        this.app = options;
      },
      Page: (options: Options) => {
        if (!this.loadingRoute) throw new Error('Page() called outside a page file');
        this.pageOptions.set(this.loadingRoute, options);
      },
      // Taro's comp and custom-wrapper: their part of the page is rendered from the page's data.
      Component: () => undefined,
      Behavior: (options: Options) => options,
      getApp: () => this.app,
      getCurrentPages: () => [...this.stack],
    });
    process.on('unhandledRejection', this.reportRejection);
  }

  private readonly reportRejection = (error: unknown) => {
    this.errors.push(error);
  };

  /** Runs one file of dist/ once, as WeChat's `require` does; `file` is relative to dist/. */
  private require(file: string): unknown {
    const full = path.join(this.dist, file.endsWith('.js') ? file : `${file}.js`);
    const cached = this.modules.get(full);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.modules.set(full, module);
    const code = readFileSync(full, 'utf8');
    const run = vm.runInContext(`(function (require, module, exports) {${code}\n})`, this.context, {
      filename: full,
    }) as (require: (spec: string) => unknown, module: { exports: unknown }, exports: unknown) => void;
    const dir = path.dirname(path.relative(this.dist, full));
    run((spec) => this.require(path.join(dir, spec)), module, module.exports);
    return module.exports;
  }

  /** app.js and the App's onLaunch and onShow, opened at `entry` like a tap on the mini program. */
  launch(entry: { path: string; query?: Record<string, string> }): void {
    this.require('app');
    if (!this.app) throw new Error('app.js did not call App()');
    const options = { path: entry.path, query: entry.query ?? {}, scene: 1001, referrerInfo: {} };
    (this.app.onLaunch as Lifecycle | undefined)?.call(this.app as never, options);
    (this.app.onShow as Lifecycle | undefined)?.call(this.app as never, options);
  }

  /** The pages of app.json, main package first, then every subpackage page. */
  allPages(): string[] {
    return [
      ...this.appJson.pages,
      ...(this.appJson.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
    ];
  }

  /**
   * Opens a page the way WeChat does: runs its file (once), makes an instance with its own copy of
   * the data, then onLoad and onShow; onReady follows the first render. Returns at once: call
   * `settle()` to let its requests and renders finish.
   */
  openPage(route: string, query: Record<string, string> = {}): PageHandle {
    if (!this.pageOptions.has(route)) {
      this.loadingRoute = route;
      try {
        this.require(route);
      } finally {
        this.loadingRoute = null;
      }
    }
    const options = this.pageOptions.get(route);
    if (!options) throw new Error(`${route}.js did not call Page()`);
    const instance = Object.create(null) as PageInstance;
    for (const [key, value] of Object.entries(options))
      if (typeof value === 'function') instance[key] = value;
    Object.assign(instance, {
      route,
      __route__: route,
      options: query,
      data: JSON.parse(JSON.stringify(options.data ?? {})),
      setData: (patch: Record<string, unknown>, callback?: () => void) => {
        this.setDataCount += 1;
        applySetData(instance.data, patch);
        if (callback) setTimeout(callback, 0);
      },
    });
    const previous = this.stack.at(-1);
    if (previous) (previous.onHide as Lifecycle | undefined)?.call(previous);
    this.stack.push(instance);
    const call = (name: string, ...args: unknown[]) =>
      (instance[name] as Lifecycle | undefined)?.apply(instance, args);
    call('onLoad', query);
    call('onShow');
    setTimeout(() => call('onReady'), 0);
    return new PageHandle(instance, this.renderer);
  }

  /**
   * Waits until the mini program is quiet: no request in flight and no setData for a few turns of
   * the event loop (a load ends in renders, a render may start requests).
   */
  async settle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietTurns = 0;
    let seen = this.setDataCount;
    while (quietTurns < 3) {
      if (Date.now() > deadline) throw new Error(`still busy after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 15));
      const quiet = this.fake.pendingRequests() === 0 && this.setDataCount === seen;
      quietTurns = quiet ? quietTurns + 1 : 0;
      seen = this.setDataCount;
    }
  }

  /** Leaves a page as navigateBack does: onUnload, and the page below shows again. */
  closePage(page: PageHandle): void {
    const index = this.stack.indexOf(page.instance);
    if (index === -1) return;
    this.stack.splice(index, 1);
    (page.instance.onUnload as Lifecycle | undefined)?.call(page.instance);
    const below = this.stack.at(-1);
    if (index === this.stack.length && below) (below.onShow as Lifecycle | undefined)?.call(below);
  }

  close(): void {
    process.off('unhandledRejection', this.reportRejection);
  }
}

function hasClass(node: RenderedNode, className: string): boolean {
  return String(node.attr?.class ?? '')
    .split(/\s+/)
    .includes(className);
}

/** What a test does with an open page: read what it renders, tap, share. */
export class PageHandle {
  constructor(
    readonly instance: PageInstance,
    private readonly renderer: WxmlRenderer,
  ) {}

  render(): RenderedNode {
    return this.renderer.render(`${this.instance.route}.wxml`, this.instance.data);
  }

  /** Every text the page renders, in order, joined by new lines. */
  text(): string {
    return textOf(this.render()).join('\n');
  }

  /** The first rendered element with this class. */
  find(className: string): RenderedNode | undefined {
    return this.renderer.find(this.render(), (node) => hasClass(node, className));
  }

  /**
   * An event as WeChat delivers it: the template binds `bind<type>="eh"`, so the page's `eh`
   * receives it with the element's id and dataset. Synchronous, as in WeChat: whatever the handler
   * calls before its first await has been called when this returns.
   */
  dispatch(className: string, type: string, detail: Record<string, unknown> = {}): void {
    const node = this.find(className);
    if (!node) throw new Error(`no element with class ${className} on ${this.instance.route}`);
    this.deliver(node, type, detail, `.${className}`);
  }

  private deliver(node: RenderedNode, type: string, detail: Record<string, unknown>, name = node.tag): void {
    if (node.attr?.[`bind${type}`] !== 'eh')
      throw new Error(`${name} on ${this.instance.route} does not handle ${type}`);
    const target = { id: node.attr.id, dataset: { sid: node.attr['data-sid'] } };
    const eh = this.instance.eh as (event: unknown) => void;
    eh.call(this.instance, {
      type,
      timeStamp: Date.now(),
      target,
      currentTarget: target,
      detail,
      touches: [],
      changedTouches: [],
    });
  }

  /** The first element with `className` inside the first one with `container` (a form field's input). */
  findIn(container: string, className: string): RenderedNode | undefined {
    const outer = this.find(container);
    return outer && this.renderer.find(outer, (node) => hasClass(node, className));
  }

  /** Types into a form field (`field--title`) as WeChat delivers it: an input event with the value. */
  type(field: string, value: string): void {
    const input = this.findIn(field, 'field__input') ?? this.findIn(field, 'field__textarea');
    if (!input) throw new Error(`no input in .${field} on ${this.instance.route}`);
    this.deliver(input, 'input', { value, cursor: value.length }, `.${field} input`);
  }

  tap(className: string): void {
    this.dispatch(className, 'tap', { x: 10, y: 10 });
  }

  /** The card WeChat would share from the ··· menu, or undefined when 转发 is greyed out. */
  shareCard(): { title?: string; path?: string } | undefined {
    const share = this.instance.onShareAppMessage as Lifecycle | undefined;
    return share?.call(this.instance, { from: 'menu' }) as { title?: string; path?: string } | undefined;
  }
}
