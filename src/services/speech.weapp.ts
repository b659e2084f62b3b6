// WeChat: no speech synthesis in the mini-program runtime (plugins aside): 朗读 is not offered.
export function canSpeak(): boolean {
  return false
}

export function speak(): void {}
