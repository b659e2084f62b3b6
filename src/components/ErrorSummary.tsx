// The list of problems at the top of a page after 继续, each a link to the field at fault.
import { View } from '@tarojs/components'
import { AppButton } from './Button'
import { Heading } from './Heading'

export interface ErrorItem {
  id: string
  message: string
}

export function ErrorSummary({ errors, onSelect, title = '请修改以下内容' }: { errors: ErrorItem[]; onSelect: (id: string) => void; title?: string }) {
  if (!errors.length) return null
  return (
    <View className='ui-error-summary' role='alert' id='error-summary' tabIndex={-1}>
      <Heading level={2}>{title}</Heading>
      {errors.map((e) => (
        <AppButton key={e.id} variant='link' onTap={() => onSelect(e.id)}>
          {e.message}
        </AppButton>
      ))}
    </View>
  )
}
