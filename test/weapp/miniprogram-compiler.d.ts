/** WeChat's WXML/WXSS compilers (wcc, wcsc) for Node; the package ships no types. */
declare module 'miniprogram-compiler' {
  /** The source of a function that returns `$gwx` for the .wxml files under `root`. */
  export function wxmlToJs(root: string, options?: { maxBuffer?: number; cut?: boolean }): string;
}
