/** @jest-environment jsdom */
// The build's page preload (config/page-preload.ts): which files each page route names, and what the script in
// index.html asks the browser for at each address.
import type { Compilation } from 'webpack'
import { pageFiles, preloadScript } from '../../config/page-preload'

const ROUTES = {
  'pages/index/index': ['/js/623.a.js'],
  'pages/my-cases/index': ['/js/platform-client.b.js', '/css/72.c.css', '/js/72.d.js'],
}

function preloadsAt(hash: string): [rel: string, as: string, href: string][] {
  document.head.innerHTML = ''
  window.location.hash = hash
  new Function(preloadScript(ROUTES, 'pages/index/index'))()
  return Array.from(document.head.querySelectorAll('link')).map((l) => [l.rel, l.getAttribute('as') ?? '', l.getAttribute('href') ?? ''])
}

test('an address with a route preloads that page’s scripts and styles, each as what it is', () => {
  expect(preloadsAt('#/pages/my-cases/index?tab=1')).toEqual([
    ['preload', 'script', '/js/platform-client.b.js'],
    ['preload', 'style', '/css/72.c.css'],
    ['preload', 'script', '/js/72.d.js'],
  ])
})

test('an address without a route preloads the first page’s; an unknown route preloads nothing', () => {
  expect(preloadsAt('')).toEqual([['preload', 'script', '/js/623.a.js']])
  expect(preloadsAt('#/pages/nowhere/index')).toEqual([])
})

test('the map has each page’s chunk group (its shared chunks too), not the entry’s, nor source maps', () => {
  const group = (initial: boolean, request: string, files: string[][]) => ({
    isInitial: () => initial,
    origins: [{ request, module: { context: '/app/src' } }],
    chunks: files.map((f) => ({ files: new Set(f) })),
  })
  const compilation = {
    chunkGroups: [
      group(true, './app', [['js/app.1.js', 'css/app.2.css']]),
      group(false, './pages/my-cases/index', [['js/platform-client.b.js'], ['js/72.d.js', 'css/72.c.css', 'js/72.d.js.map']]),
      group(false, './pages/cases/detail/index.tsx', [['js/277.e.js']]),
      // a late import that is not a page (a store loaded after the first paint)
      group(false, './stores/app-sync', [['js/draft-sync.f.js']]),
    ],
  } as unknown as Compilation
  expect(pageFiles(compilation, '/app/src', '/')).toEqual({
    'pages/my-cases/index': ['/js/platform-client.b.js', '/js/72.d.js', '/css/72.c.css'],
    'pages/cases/detail/index': ['/js/277.e.js'],
  })
})
