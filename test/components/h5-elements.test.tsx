/** @jest-environment jsdom */
// On H5 (and here: jest maps @tarojs/components as the H5 build does) View, Text, Button and Image are the plain elements they
// render, not Taro's wrappers: the first render of a long page is mostly these (docs/decisions.md, npm run bench -- fibers).
import fs from 'node:fs'
import path from 'node:path'
import { fireEvent, render, screen } from '@testing-library/react'
import { createRef } from 'react'
import * as H5Components from '@tarojs/components'
import { Button, Image, Text, View } from '@tarojs/components'

/** The components React renders between the root and `el` (Taro's View had two: forwardRef and View). */
function componentsAbove(el: Element): number {
  const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$')) as string
  let fiber = (el as unknown as Record<string, { return: unknown; tag: number }>)[key]
  let n = 0
  // HostRoot is tag 3; host elements 5; anything else between is a component
  while ((fiber = fiber.return as typeof fiber) && fiber.tag !== 3) n++
  return n
}

test('a View is a div with its props, ref and click, and nothing React renders around it', () => {
  const ref = createRef<HTMLDivElement>()
  const onClick = jest.fn()
  render(
    <View ref={ref} id='box' className='ui-card' role='region' aria-label='办件' tabIndex={-1} style={{ color: 'red' }} onClick={onClick}>
      内容
    </View>,
  )
  const box = screen.getByRole('region', { name: '办件' })
  expect(box.tagName).toBe('DIV')
  expect(ref.current).toBe(box)
  expect(box).toHaveAttribute('id', 'box')
  expect(box).toHaveClass('ui-card')
  expect(box).toHaveAttribute('tabindex', '-1')
  expect(box.style.color).toBe('red')
  fireEvent.click(box)
  expect(onClick).toHaveBeenCalledTimes(1)
  expect(componentsAbove(box)).toBe(0)
})

test('a Text is a span with Taro’s text classes, selectable when asked, one component above it', () => {
  render(
    <>
      <Text className='ui-strong' id='plain'>
        已受理
      </Text>
      <Text className='ui-case-no' selectable aria-describedby='plain'>
        HN2025
      </Text>
    </>,
  )
  const plain = screen.getByText('已受理')
  expect(plain.tagName).toBe('SPAN')
  expect(plain.className).toBe('taro-text ui-strong')
  expect(plain).not.toHaveAttribute('selectable')
  const caseNo = screen.getByText('HN2025')
  expect(caseNo.className).toBe('taro-text taro-text__selectable ui-case-no')
  expect(caseNo).toHaveAttribute('aria-describedby', 'plain')
  expect(componentsAbove(plain)).toBe(1)
})

test('a Button is a div with Taro’s button classes, its props and click, and no WeChat-only props on the element', () => {
  const onClick = jest.fn()
  render(
    <Button className='ui-btn' role='button' tabIndex={0} aria-pressed hoverClass='none' openType='share' onClick={onClick}>
      提交
    </Button>,
  )
  const button = screen.getByRole('button', { name: '提交', pressed: true })
  expect(button.tagName).toBe('DIV')
  expect(button.className).toBe('ui-btn taro-button-core taro-btn-default')
  expect(button).not.toHaveAttribute('hoverClass')
  expect(button).not.toHaveAttribute('openType')
  fireEvent.click(button)
  expect(onClick).toHaveBeenCalledTimes(1)
  expect(componentsAbove(button)).toBe(1)
})

test('a disabled Button takes no click and does not pass it on', () => {
  const onClick = jest.fn()
  const outer = jest.fn()
  render(
    <div onClick={outer}>
      <Button disabled onClick={onClick}>
        提交
      </Button>
    </div>,
  )
  const button = screen.getByText('提交')
  expect(button).toHaveClass('taro-btn-disabled')
  fireEvent.click(button)
  expect(onClick).not.toHaveBeenCalled()
  expect(outer).not.toHaveBeenCalled()
})

test('an Image is Taro’s div round an <img> with its mode class; the <img> carries the alt', () => {
  const { container } = render(<Image className='ui-icon' src='data:image/svg+xml,x' mode='aspectFit' aria-hidden imgProps={{ alt: '' }} />)
  const box = container.firstElementChild as HTMLElement
  expect(box.tagName).toBe('DIV')
  expect(box.className).toBe('taro-img ui-icon')
  expect(box).toHaveAttribute('aria-hidden', 'true')
  const img = box.querySelector('img') as HTMLImageElement
  expect(img.className).toBe('taro-img__mode-aspectfit')
  expect(img).toHaveAttribute('src', 'data:image/svg+xml,x')
  expect(img).toHaveAttribute('alt', '')
  render(<Image src='x.png' mode='widthFix' imgProps={{ alt: '二维码' }} />)
  expect(screen.getByRole('img', { name: '二维码' }).parentElement).toHaveClass('taro-img__widthfix')
})

/** Every name imported from @tarojs/components in code that ships to H5 (not the .weapp files). */
function namesImportedOnH5(dir: string): Set<string> {
  const names = new Set<string>()
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) namesImportedOnH5(file).forEach((n) => names.add(n))
    else if (/\.tsx?$/.test(entry.name) && !/\.weapp\.tsx?$/.test(entry.name)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'@tarojs\/components'/g)) {
        for (const spec of m[1].split(',')) if (spec.trim()) names.add(spec.trim().split(/\s+as\s+/)[0])
      }
    }
  }
  return names
}

test('the H5 module exports every component the app imports, and what Taro’s H5 runtime imports (PullDownRefresh)', () => {
  const names = namesImportedOnH5(path.join(__dirname, '..', '..', 'src'))
  expect(names).toContain('View')
  const exported = H5Components as Record<string, unknown>
  expect([...names, 'PullDownRefresh'].filter((n) => exported[n] === undefined)).toEqual([])
})
