/**
 * Exports for CAT tools: TMX 1.4 and XLIFF 2.0.
 */
export {toTmx, type TmxOptions} from './tmx.js'
export {toXliff, type XliffOptions} from './xliff.js'
export {exportSegments, type ExportSegment} from './segments.js'
export {escapeXml} from './xml.js'
