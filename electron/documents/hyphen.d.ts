// The `hyphen` package ships no types (its @types package is a separate dependency we do not need): the two entry
// points the writers use, as the package's README documents them.
interface HyphenModule {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] }): string;
}
declare module 'hyphen/ru/index.js' {
  const hyphen: HyphenModule;
  export default hyphen;
}
declare module 'hyphen/en-gb/index.js' {
  const hyphen: HyphenModule;
  export default hyphen;
}
