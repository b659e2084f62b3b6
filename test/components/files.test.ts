/** @jest-environment jsdom */
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
import { pickFilesH5 } from '@/services/files'

test('the H5 picker is a hidden file input made for one pick, removed afterwards', async () => {
  const clicked = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    const file = new File(['%PDF-1.4'], '合同.pdf', { type: 'application/pdf' })
    Object.defineProperty(this, 'files', { value: [file] })
    this.dispatchEvent(new Event('change'))
  })
  const files = await pickFilesH5({ accept: ['pdf', 'jpg'], count: 3 })
  expect(files).toEqual([expect.objectContaining({ name: '合同.pdf', size: 8, mime: 'application/pdf' })])
  const input = clicked.mock.contexts[0] as HTMLInputElement
  expect(input.accept).toBe('.pdf,application/pdf,.jpg,.jpeg,image/jpeg')
  expect(input.multiple).toBe(true)
  expect(document.querySelector('input[type=file]')).toBeNull()
  clicked.mockRestore()
})

test('cancelling the picker gives no files', async () => {
  const clicked = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    this.dispatchEvent(new Event('cancel'))
  })
  expect(await pickFilesH5({ accept: ['pdf'], count: 1 })).toEqual([])
  clicked.mockRestore()
})
