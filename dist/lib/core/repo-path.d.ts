/** Repository paths, as a configuration, the Action's `path` input and git write them. */
/**
 * `path` as a path inside the repository, relative to its root, with `/` between folders: a backslash counts
 * as one (a learner on Windows may write `week-24\day1.md`), and `.` segments and doubled separators are
 * dropped. Null for a path that is absolute (`/x`, `\x`), starts with a drive (`C:x`, `C:\x`), climbs out of
 * the repository through `..`, or names nothing.
 */
export declare function repoPath(path: string): string | null;
