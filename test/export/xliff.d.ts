/**
 * Types of the npm `xliff` package (it ships none), for the parts the tests
 * use: reading XLIFF 2.0 and 1.2 into `{resources: {file: {unit id: {source, target}}}}`.
 */
declare module 'xliff' {
  /** One unit as the package reads it. */
  interface XliffUnit {
    source?: unknown
    target?: unknown
    note?: unknown
  }
  /** A read XLIFF document. */
  interface XliffJs {
    sourceLanguage?: string
    targetLanguage?: string
    resources: Record<string, Record<string, XliffUnit>>
  }
  const xliff: {
    xliff2js(xml: string): Promise<XliffJs>
    xliff12ToJs(xml: string): Promise<XliffJs>
  }
  export default xliff
}
