// H5's tab bar (WeChat draws its own from app.config.ts): four links at the bottom of the screen, the current
// one marked for screen readers (aria-current) and not by colour alone (a bar above it, bold text); an unread
// count is said in words (the tab's description).
import { Text, View } from '@tarojs/components'
import { Icon } from './Icon'
import type { IconName } from './icons'

export interface TabItem {
  name: string
  text: string
  icon: IconName
  /** e.g. unread messages; 0 or absent shows nothing */
  badge?: number
}

export function TabBar({ tabs, current, onSelect }: { tabs: TabItem[]; current: string; onSelect: (name: string) => void }) {
  return (
    <View className='ui-tabbar' role='navigation' aria-label='主菜单'>
      {tabs.map((t) => {
        const on = t.name === current
        const open = () => onSelect(t.name)
        return (
          <View
            key={t.name}
            className={`ui-tabbar__item ${on ? 'ui-tabbar__item--on' : ''}`}
            role='link'
            tabIndex={0}
            aria-current={on ? 'page' : undefined}
            // the name is the tab's word; the count is said in words after it (not the bare digits of the badge)
            aria-describedby={t.badge ? `tab-${t.name}-count` : undefined}
            onClick={open}
            onKeyDown={(e: { key?: string; preventDefault?: () => void }) => {
              if (e.key === 'Enter') {
                e.preventDefault?.()
                open()
              }
            }}
          >
            <View className='ui-tabbar__icon'>
              <Icon name={t.icon} tone={on ? 'brand' : 'muted'} />
              {t.badge ? (
                <Text className='ui-tabbar__badge' aria-hidden>
                  {t.badge > 99 ? '99+' : t.badge}
                </Text>
              ) : null}
            </View>
            <Text className='ui-tabbar__text'>{t.text}</Text>
          </View>
        )
      })}
      {/* outside the links, so that it describes its tab without joining its name */}
      {tabs
        .filter((t) => t.badge)
        .map((t) => (
          <Text key={t.name} id={`tab-${t.name}-count`} className='ui-visually-hidden'>
            {t.badge} 条未读
          </Text>
        ))}
    </View>
  )
}
