// What each node of Taro's data tree is on WeChat, read from the build's base.wxml: Taro renders a node with
// `nn: "14"` through the template `tmpl_0_14`, whose first tag (button, view, input …) is the component, whose
// `{{i.pN}}` attributes name the node's compressed props, and whose `bindX="eh"` / `catchX="eh"` are the events
// WeChat delivers to Taro's handler for it.
import fs from 'node:fs'
import path from 'node:path'

export interface NodeTemplate {
  /** the WeChat component: view, text, button, input, image, scroll-view, block … */
  tag: string
  /** compressed prop (p0, p1 …) → attribute name (open-type, value, disabled …) */
  attributes: Map<string, string>
  /** events bound to Taro's handler (`bindtap="eh"` → tap) */
  bound: Set<string>
  /** events caught (do not bubble further) */
  caught: Set<string>
}

export type Templates = Map<string, NodeTemplate>

export function readTemplates(distDir: string): Templates {
  const wxml = fs.readFileSync(path.join(distDir, 'base.wxml'), 'utf8')
  const templates: Templates = new Map()
  // level 0 only: deeper levels repeat the same templates for WeChat's recursion limit
  for (const m of wxml.matchAll(/<template name="tmpl_0_(\d+)(?:_(?:focus|blur))?">\s*<([a-z-]+)([^>]*)>/g)) {
    const [, nn, tag, attrs] = m
    if (tag === 'template') continue // a chooser between variants (input focused or not): the variants follow
    const t = templates.get(nn) ?? { tag, attributes: new Map(), bound: new Set(), caught: new Set() }
    for (const a of attrs.matchAll(/([a-z-]+)="\{\{[^}]*?\bi\.(p\d+)\b/g)) t.attributes.set(a[2], a[1])
    for (const e of attrs.matchAll(/(bind|catch)([a-z]+)="eh"/g)) (e[1] === 'bind' ? t.bound : t.caught).add(e[2])
    templates.set(nn, t)
  }
  if (!templates.size) throw new Error(`no Taro templates found in ${path.join(distDir, 'base.wxml')}`)
  return templates
}
