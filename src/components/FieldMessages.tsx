// A field's help and error text, with the ids its control points at through aria-describedby.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface FieldMessagesProps {
  help?: ReactNode
  helpId?: string
  error?: string
  errorId?: string
}

export function FieldMessages({ help, helpId, error, errorId }: FieldMessagesProps) {
  return (
    <>
      {help ? (
        <View id={helpId} className='ui-help'>
          {help}
        </View>
      ) : null}
      {error ? (
        <View id={errorId} className='ui-error'>
          <Text className='ui-visually-hidden'>错误：</Text>
          {error}
        </View>
      ) : null}
    </>
  )
}
