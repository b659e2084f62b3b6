// 好差评: five levels; 不满意 and below ask which aspects (at least one); a comment; sent once.
import { View } from '@tarojs/components'
import { useState } from 'react'
import { COMMENT_MAX, isBadRating, RATING_INDICATORS, RATING_LEVELS, type EvaluationRequest } from '@/domain/case'
import { AppButton } from '../Button'
import { ChoiceGroup } from '../ChoiceGroup'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { TextField } from '../TextField'

export function RatingForm({ onSubmit, busy, error, fieldErrors }: { onSubmit: (r: EvaluationRequest) => void; busy?: boolean; error?: string; fieldErrors?: Record<string, string> }) {
  const [level, setLevel] = useState<number>()
  const [indicators, setIndicators] = useState<string[]>([])
  const [comment, setComment] = useState('')
  const bad = level !== undefined && isBadRating(level)
  return (
    <View className='ui-card' id='rating'>
      <Heading level={2}>评价本次办理</Heading>
      <View className='ui-help'>办完即评，一事一评：每件只能评价一次，提交后不能修改。</View>
      {error ? (
        <Notice tone='error' live='alert'>
          {error}
        </Notice>
      ) : null}
      <ChoiceGroup
        id='rating-level'
        legend='您对本次办理满意吗？'
        options={RATING_LEVELS.map((l) => ({ value: String(l.level), label: l.label }))}
        value={level === undefined ? undefined : String(level)}
        onChange={(v) => setLevel(Number(v))}
        error={fieldErrors?.level}
      />
      {bad ? (
        <ChoiceGroup
          id='rating-indicators'
          legend='哪些方面不满意？（至少选一项）'
          multiple
          options={RATING_INDICATORS.map((i) => ({ value: i.id, label: i.label }))}
          value={indicators}
          onChange={(v) => setIndicators(v as string[])}
          error={fieldErrors?.indicators}
        />
      ) : null}
      <TextField id='rating-comment' label='意见和建议' optional value={comment} onInput={setComment} maxLength={COMMENT_MAX} error={fieldErrors?.comment} help={`最多 ${COMMENT_MAX} 字`} />
      <AppButton block busy={busy} onTap={() => onSubmit({ level: level ?? 0, indicators: bad ? indicators : [], ...(comment.trim() ? { comment } : {}) })}>
        提交评价
      </AppButton>
    </View>
  )
}
