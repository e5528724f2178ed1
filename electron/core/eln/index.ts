/** .eln interchange (ELN Consortium format): export and import (see docs/SYNC.md). */
export { exportEln, type ExportOptions, type ExportReport } from './export';
export { importEln, type ImportReport } from './import';
export { DEFAULT_LIMITS, readArchive, type ArchiveLimits } from './read-archive';
