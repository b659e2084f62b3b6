// Compile-time ties between a runtime schema and its TypeScript type: `Assert<Equals<A, B>>` fails `tsc` when
// either side gains, loses or changes a property.
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
export type Assert<T extends true> = T
