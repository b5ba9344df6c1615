import vm from 'node:vm';
import { wxmlToJs } from 'miniprogram-compiler';

/** A node of the virtual tree WeChat's compiled templates produce; text comes as plain strings. */
export interface RenderedNode {
  tag: string;
  attr?: Record<string, unknown>;
  children?: (RenderedNode | string)[];
}

type Generate = (data: unknown, scope: unknown, global: unknown) => RenderedNode;

/**
 * The templates of dist/ compiled by WeChat's own WXML compiler (wcc, from `miniprogram-compiler`)
 * into `$gwx`, the function the view layer renders a page's data with. Taro renders every page from
 * one recursive template over the page's data tree; past its depth limit the tree continues in
 * Taro's `comp` component, rendered here from the same data.
 */
export class WxmlRenderer {
  /** What the compiled templates warned about while rendering (a missing template, for one). */
  readonly warnings: string[] = [];
  private readonly gwx: (file: string) => Generate;
  /** JSON.parse of the templates' own realm: they check `value.constructor === Object`. */
  private readonly parse: (json: string) => unknown;

  constructor(dist: string) {
    const code = wxmlToJs(dist, { maxBuffer: 64 * 1024 * 1024 });
    const warn = (...args: unknown[]) => this.warnings.push(args.join(' '));
    const context = vm.createContext({ console: { ...console, warn, log: warn } });
    // The compiled code writes its version on `window` and reads globals there.
    context.window = context;
    this.gwx = vm.runInContext(`(function () {${code}\n})()`, context, { filename: 'wcc-output.js' });
    this.parse = vm.runInContext('JSON.parse', context);
  }

  /**
   * What the view layer draws from a page's data. The data crosses into the templates' realm as
   * JSON, as setData data crosses from WeChat's logic thread to its view thread: objects from
   * another realm fail the templates' `constructor === Object` test and reach WXS functions as null.
   */
  render(file: string, data: unknown): RenderedNode {
    return this.expandComponents(this.gwx(file)(this.parse(JSON.stringify(data)), {}, undefined));
  }

  private expandComponents(node: RenderedNode): RenderedNode {
    if (node.tag === 'wx-comp') {
      const inner = this.gwx('comp.wxml')(
        this.parse(JSON.stringify({ i: node.attr?.i, l: node.attr?.l })),
        {},
        undefined,
      );
      return { ...node, children: inner.children?.map((child) => this.expandChild(child)) };
    }
    return { ...node, children: node.children?.map((child) => this.expandChild(child)) };
  }

  private expandChild(child: RenderedNode | string): RenderedNode | string {
    return typeof child === 'string' ? child : this.expandComponents(child);
  }

  find(root: RenderedNode, matches: (node: RenderedNode) => boolean): RenderedNode | undefined {
    if (matches(root)) return root;
    for (const child of root.children ?? []) {
      if (typeof child === 'string') continue;
      const found = this.find(child, matches);
      if (found) return found;
    }
    return undefined;
  }
}

const fields = new Set(['wx-input', 'wx-textarea']);

/** The texts a rendered tree shows, in document order, without blank ones: text and what fields hold. */
export function textOf(node: RenderedNode | string): string[] {
  if (typeof node === 'string') return node.trim() ? [node.trim()] : [];
  const value = fields.has(node.tag) ? String(node.attr?.value ?? '').trim() : '';
  return [...(value ? [value] : []), ...(node.children ?? []).flatMap(textOf)];
}
