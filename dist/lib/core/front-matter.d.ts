/** Reading YAML front matter: where it stands, and the body with the front matter blanked out. */
import type { FrontMatter } from './types.js';
/** Finds YAML front matter and blanks it out, keeping every line in place. */
export declare function splitFrontMatter(source: string): {
    frontMatter: FrontMatter | null;
    body: string;
};
