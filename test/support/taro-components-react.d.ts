declare module '@tarojs/components-react/dist/components/*' {
  const component: React.ComponentType<any>
  export default component
}
