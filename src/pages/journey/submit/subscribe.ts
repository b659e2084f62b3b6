// At submit, WeChat asks once whether the citizen wants 受理结果, 补正通知 and 办结通知 as subscription messages
// (it must be asked from the tap itself). H5 has no such dialog: the platform sends an SMS instead.
import Taro from '@tarojs/taro'
import { useMessages } from '@/stores/app'
import { SUBSCRIBE_TEMPLATES } from '@/stores/messages'

export function askSubscriptions(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  Taro.requestSubscribeMessage({ tmplIds: Object.values(SUBSCRIBE_TEMPLATES), entityIds: [] })
    .then((res) => useMessages.getState().subscribe(res as unknown as Record<string, string>))
    .catch(() => undefined)
}
