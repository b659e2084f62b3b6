// 隐私政策: what the app collects, why, for how long, who receives it (the departments of the bundle the citizen
// is applying for) and the citizen's rights under the Personal Information Protection Law (PIPL, 个人信息保护法).
import { View } from '@tarojs/components'
import { BackLink } from '../BackLink'
import { AppButton } from '../Button'
import { Heading } from '../Heading'

export interface PrivacyPolicyScreenProps {
  /** the bundle the citizen came from, to name who receives their data */
  bundle?: { name: string; departments: string[] }
  /** WeChat: open the 隐私保护指引 filed with WeChat */
  onOpenGuide?: () => void
  onBack: () => void
}

function Item({ title, children }: { title: string; children: string }) {
  return (
    <View className='ui-privacy-item'>
      <View className='ui-strong'>{title}</View>
      <View>{children}</View>
    </View>
  )
}

export function PrivacyPolicyScreen({ bundle, onOpenGuide, onBack }: PrivacyPolicyScreenProps) {
  return (
    <View className='ui-page'>
      <BackLink onTap={onBack} />
      <Heading level={1}>隐私政策</Heading>
      <View className='ui-lead'>
        本小程序是湖南“一件事一次办”的办理入口。您的申请由省一体化政务服务平台（以下简称“平台”）接收，转交承办部门联合办理。我们只收集办理所需的信息，只用于办理您申请的事项。
      </View>

      <Heading level={2}>我们收集哪些信息</Heading>
      <Item title='实名身份信息'>姓名、身份证号码、手机号码、性别、出生日期、住址：您登录时由平台按您的实名注册信息提供。身份证号码在页面上只显示部分数字，不出现在网址和日志中。</Item>
      <Item title='手机号'>选择“手机号快捷登录”时，经您同意，由微信验证您绑定的手机号后提供给平台，用于找到您的实名注册信息。</Item>
      <Item title='您填写和选择的内容'>对办事问题的回答、申请表内容、材料的提供方式、办理结果的领取方式和邮寄地址。</Item>
      <Item title='您上传的材料'>您拍摄、从相册或微信聊天中选择并上传的照片和文件。</Item>
      <Item title='电子证照'>您逐项点击“同意使用”后，平台从电子证照库调取的证照信息（如身份证、户口簿、出生医学证明）。</Item>
      <Item title='企业信息'>以企业身份办理时：企业名称、统一社会信用代码、法定代表人。</Item>
      <Item title='保存在您手机上的信息'>草稿、登录凭证、长辈版和地区设置，保存在本机微信（或浏览器）存储中。</Item>
      <View className='ui-help'>我们不获取您的位置、通讯录、剪贴板内容和设备标识。</View>

      <Heading level={2}>为什么收集</Heading>
      <View>
        判断您需要办理哪些事项、准备哪些材料；用实名信息和您同意使用的电子证照自动填写表单，免去重复填写；把申请提交给承办部门审批；告诉您办理进度和结果；按您选择的方式寄送或通知领取办理结果。这些信息不用于与办理无关的用途。
      </View>

      <Heading level={2}>保存多久</Heading>
      <Item title='草稿'>保存在本机，登录后同步到平台，直到您提交或在“我的草稿”中删除。</Item>
      <Item title='登录状态'>访问凭证 2 小时有效，续期凭证 30 天有效；退出登录后立即失效。</Item>
      <Item title='电子证照数据'>只保存在本次使用的手机内存中，关闭小程序即清除；平台保存您同意调取的记录。</Item>
      <Item title='已提交的申请和材料'>由承办部门按政务服务档案管理的有关规定保存，供审批、查询和监督使用。</Item>

      <Heading level={2}>共享给谁</Heading>
      {bundle ? (
        <View>
          您申请“{bundle.name}”时，申请信息和材料只提供给这件事的承办部门：{bundle.departments.join('、')}。
        </View>
      ) : (
        <View>您申请的每一件事，申请信息和材料只提供给这件事的承办部门，办事指南中列有这些部门。</View>
      )}
      <View>选择邮寄领取时，收件人姓名、电话和地址提供给寄递单位（EMS）。除法律法规另有规定外，不向其他任何单位或个人提供。</View>

      <Heading level={2}>您的权利</Heading>
      <View>依照《中华人民共和国个人信息保护法》，您有权：</View>
      <Item title='查阅、复制'>在“我的办件”“我的草稿”中查看您提交和保存的内容；需要副本的，可向承办部门申请。</Item>
      <Item title='更正、补充'>提交前可随时修改；提交后发现有误的，可联系承办部门更正，或在部门要求补正时补充。</Item>
      <Item title='删除'>未提交的草稿可自行删除；其他信息在办理目的实现后，可申请删除（法律法规要求保存的除外）。</Item>
      <Item title='撤回同意'>可不同意或撤回对电子证照、手机号的使用，改为上传材料或其他登录方式；撤回不影响撤回前已办理的事项。在微信“我—设置—个人信息与权限—授权管理”中也可撤回对本小程序的授权。</Item>
      <Item title='要求解释、注销账户'>可要求我们说明个人信息处理规则，或注销您在本小程序的登录关联。</Item>
      <Item title='投诉举报'>拨打 12345 政务服务便民热线，或到就近的政务服务大厅办理上述请求；我们在 15 个工作日内答复。</Item>

      {onOpenGuide ? (
        <AppButton variant='link' onTap={onOpenGuide}>
          查看本小程序在微信登记的《隐私保护指引》
        </AppButton>
      ) : null}
      <View className='ui-help'>本政策更新时，我们会在小程序中提示您。更新日期：2026 年 11 月。</View>
    </View>
  )
}
