declare module 'miniprogram-compiler' {
  interface Options { maxBuffer?: number }
  export function wxmlToJs(root: string, options?: Options): string
  export function wxssToJs(root: string, options?: Options): string
}
