/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { Button, Input, View } from '@tarojs/components'

function IdInput() {
  const [value, setValue] = useState('')
  return <Input aria-label='身份证号码' value={value} onInput={(e) => setValue(e.detail.value)} />
}

// Taro's H5 <Button> is a <div>: it needs role and tabIndex from us to be a button for assistive technology.
test('Taro H5 components pass accessibility props through to the DOM', async () => {
  const onTap = jest.fn()
  render(
    <View>
      <Button role='button' tabIndex={0} onClick={onTap}>开始办理</Button>
      <IdInput />
    </View>,
  )
  await userEvent.click(screen.getByRole('button', { name: '开始办理' }))
  expect(onTap).toHaveBeenCalledTimes(1)
  await userEvent.type(screen.getByLabelText('身份证号码'), '4301')
  expect(screen.getByLabelText('身份证号码')).toHaveValue('4301')
})
