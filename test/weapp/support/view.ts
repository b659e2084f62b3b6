// A page's view as WeChat's view layer would build it: the `setData` payloads applied to a data tree (Taro's
// nodes: `nn` template, `sid` id, `cn` children, `v` text, `cl` class, compressed props), and what a person or
// a screen reader finds in it: visible text, elements by text, by role and accessible name.
import type { NodeTemplate, Templates } from './templates'

export interface ViewNode {
  nn?: string
  sid?: string
  uid?: string
  /** text of a text node */
  v?: string
  cn?: ViewNode[]
  cl?: string
  st?: string
  [prop: string]: unknown
}

/** An element found on a page: what it is, and the node it was found as (looked up again by sid to act on it). */
export interface WxElement {
  sid: string
  /** WeChat component: view, text, button, input, image … */
  tag: string
  role?: string
  /** accessible name: aria-label, the text of aria-labelledby, else the text inside */
  name: string
  /** visible text inside */
  text: string
  node: ViewNode
}

export type TextMatcher = string | RegExp

const ROLE_OF_TAG: Record<string, string> = { button: 'button', input: 'textbox', textarea: 'textbox' }

export function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

export function matches(text: string, m: TextMatcher): boolean {
  return typeof m === 'string' ? normalise(text) === normalise(m) : m.test(normalise(text))
}

/**
 * Applies one setData payload: keys are paths (`root.cn.[0].cn.[2].v`, `a.b[1]`), values replace what is there.
 * Missing objects and arrays on the way are created, as WeChat does.
 */
export function applySetData(data: Record<string, unknown>, payload: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(payload)) {
    const parts = key.split(/\.|(?=\[)/).filter(Boolean).map((p) => (/^\[\d+\]$/.test(p) ? Number(p.slice(1, -1)) : p))
    let target = data as Record<string | number, unknown>
    for (let i = 0; i < parts.length - 1; i++) {
      const next = target[parts[i]]
      if (typeof next !== 'object' || next === null) target[parts[i]] = typeof parts[i + 1] === 'number' ? [] : {}
      target = target[parts[i]] as Record<string | number, unknown>
    }
    target[parts[parts.length - 1]] = value
  }
}

/** The view of one page: its data tree, read through the build's templates and its stylesheet's hidden classes. */
export class PageView {
  constructor(
    readonly data: Record<string, unknown>,
    private readonly templates: Templates,
    private readonly hiddenClasses: Set<string>,
  ) {}

  get root(): ViewNode {
    return (this.data.root as ViewNode | undefined) ?? { cn: [] }
  }

  template(node: ViewNode): NodeTemplate | undefined {
    return node.nn === undefined ? undefined : this.templates.get(node.nn)
  }

  tagOf(node: ViewNode): string {
    return this.template(node)?.tag ?? (node.v !== undefined ? '#text' : 'unknown')
  }

  /** a compressed prop by its WXML attribute name (`open-type`, `value` …) */
  attribute(node: ViewNode, name: string): unknown {
    const t = this.template(node)
    if (!t) return undefined
    for (const [p, attr] of t.attributes) if (attr === name) return node[p]
    return undefined
  }

  roleOf(node: ViewNode): string | undefined {
    return (node.role as string | undefined) ?? ROLE_OF_TAG[this.tagOf(node)]
  }

  /** hidden from sight: `hidden`, display:none inline, or a class the stylesheet hides (incl. visually-hidden) */
  private hiddenFromSight(node: ViewNode): boolean {
    if (node.hidden === true) return true
    if (typeof node.st === 'string' && /display\s*:\s*none/.test(node.st)) return true
    return typeof node.cl === 'string' && node.cl.split(/\s+/).some((c) => this.hiddenClasses.has(c))
  }

  /** hidden from screen readers too: not rendered at all, or aria-hidden */
  private hiddenFromReaders(node: ViewNode): boolean {
    if (node.hidden === true) return true
    if (typeof node.st === 'string' && /display\s*:\s*none/.test(node.st)) return true
    return node.ariaHidden === true || node.ariaHidden === 'true'
  }

  /** what a sighted person reads inside `node`: text, input values (else placeholders); blocks on their own lines */
  visibleText(node: ViewNode = this.root): string {
    const out: string[] = []
    const walk = (n: ViewNode) => {
      if (n.v !== undefined) {
        out.push(String(n.v))
        return
      }
      if (this.hiddenFromSight(n)) return
      const tag = this.tagOf(n)
      if (tag === 'input' || tag === 'textarea') {
        const value = this.attribute(n, 'value')
        out.push(' ', String(value === undefined || value === '' ? (this.attribute(n, 'placeholder') ?? '') : value), ' ')
        return
      }
      const block = tag !== 'text' && tag !== 'block' && tag !== '#text'
      if (block) out.push('\n')
      for (const c of n.cn ?? []) walk(c)
      if (block) out.push('\n')
    }
    walk(node)
    return out
      .join('')
      .split('\n')
      .map((l) => l.replace(/[ \t]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n')
  }

  /** text a screen reader announces inside `node` (visually hidden text included, aria-hidden left out) */
  private readerText(node: ViewNode): string {
    if (node.v !== undefined) return String(node.v)
    if (this.hiddenFromReaders(node)) return ''
    return (node.cn ?? []).map((c) => this.readerText(c)).join('')
  }

  accessibleName(node: ViewNode): string {
    if (typeof node.ariaLabel === 'string' && node.ariaLabel) return normalise(node.ariaLabel)
    if (typeof node.ariaLabelledby === 'string') {
      const parts = node.ariaLabelledby
        .split(/\s+/)
        .map((id) => this.byId(id))
        .filter((n): n is ViewNode => !!n)
      if (parts.length) return normalise(parts.map((n) => this.readerText(n)).join(' '))
    }
    return normalise(this.readerText(node))
  }

  element(node: ViewNode): WxElement {
    return { sid: String(node.sid), tag: this.tagOf(node), role: this.roleOf(node), name: this.accessibleName(node), text: this.visibleText(node), node }
  }

  /** every element node inside `within` (default: the page), parents before children */
  elements(within: ViewNode = this.root): ViewNode[] {
    const out: ViewNode[] = []
    const walk = (n: ViewNode) => {
      for (const c of n.cn ?? []) {
        if (c.v !== undefined) continue
        out.push(c)
        walk(c)
      }
    }
    walk(within)
    return out
  }

  byId(id: string): ViewNode | undefined {
    return this.elements().find((n) => n.uid === id || n.sid === id)
  }

  bySid(sid: string): ViewNode | undefined {
    return this.elements().find((n) => n.sid === sid)
  }

  /** the chain from the page root down to `node` (both included), or undefined when it is gone */
  path(sid: string): ViewNode[] | undefined {
    const walk = (n: ViewNode, trail: ViewNode[]): ViewNode[] | undefined => {
      for (const c of n.cn ?? []) {
        if (c.v !== undefined) continue
        if (c.sid === sid) return [...trail, c]
        const found = walk(c, [...trail, c])
        if (found) return found
      }
      return undefined
    }
    return walk(this.root, [])
  }

  /** visible elements whose visible text matches, innermost only (a match inside a match wins) */
  allByText(m: TextMatcher, within?: ViewNode): WxElement[] {
    const hits = this.elements(within).filter((n) => !this.hiddenOnPath(n) && matches(this.visibleText(n), m))
    const inner = hits.filter((n) => !hits.some((o) => o !== n && this.contains(n, o)))
    return inner.map((n) => this.element(n))
  }

  /** elements with this role (declared, or the component's own) whose accessible name matches */
  allByRole(role: string, name?: TextMatcher, within?: ViewNode): WxElement[] {
    return this.elements(within)
      .filter((n) => this.roleOf(n) === role && !this.hiddenFromReadersOnPath(n))
      .map((n) => this.element(n))
      .filter((e) => name === undefined || matches(e.name, name))
  }

  private contains(ancestor: ViewNode, node: ViewNode): boolean {
    return (ancestor.cn ?? []).some((c) => c === node || this.contains(c, node))
  }

  private hiddenOnPath(node: ViewNode): boolean {
    return (this.path(String(node.sid)) ?? []).some((n) => this.hiddenFromSight(n))
  }

  private hiddenFromReadersOnPath(node: ViewNode): boolean {
    return (this.path(String(node.sid)) ?? []).some((n) => this.hiddenFromReaders(n))
  }
}

/** Classes the stylesheet hides: `display:none`, or the visually-hidden pattern (1px box, clipped). */
export function hiddenClassesOf(wxss: string): Set<string> {
  const hidden = new Set<string>()
  // rules whose whole selector is one class (`.ui-visually-hidden{…}`), not `.a .b{…}`
  for (const m of wxss.matchAll(/(?<=^|\})\s*\.([A-Za-z0-9_-]+)\s*\{([^}]*)\}/g)) {
    const body = m[2].replace(/\s+/g, '')
    if (/display:none/.test(body) || /clip:rect\(0,?0,?0,?0\)/.test(body)) hidden.add(m[1])
  }
  return hidden
}
