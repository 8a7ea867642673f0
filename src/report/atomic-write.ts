/** Atomic file writing for reports: the experiment layer's durable write (temp file, fsync, rename). */
export { writeFileDurable as writeFileAtomic } from '../experiment/files.js';
