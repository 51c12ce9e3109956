/**
 * Exports for CAT tools: TMX 1.4, XLIFF 2.0 and XLIFF 1.2.
 */
export {toTmx, type TmxOptions} from './tmx.js'
export {toXliff, xliffVersions, type XliffOptions, type XliffVersion} from './xliff.js'
export {exportSegments, type ExportSegment} from './segments.js'
export {escapeXml} from './xml.js'
