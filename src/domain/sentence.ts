// Chinese sentences joined from parts: one full stop at the end, never "。。" (a platform message often ends
// with its own).

/** `text` ending in one full stop (or the question/exclamation mark it has). */
export function sentence(text: string): string {
  const t = text.trim().replace(/[。.]+$/, '')
  return /[？！?!]$/.test(t) ? t : `${t}。`
}
