// WeChat: its own dialog offers the number (phone.ts is the H5 way).
import Taro from '@tarojs/taro'

export function callPhone(phoneNumber: string): void {
  void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
}
