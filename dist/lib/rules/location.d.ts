/** Where the lesson asks for the playbook. */
export declare const DEFAULT_PATH = "week-24/day1-dist-sys-qa.md";
export declare const location: import("../index.js").Rule<"missing" | "wrongPath" | "wrongCase", {
    path: import("../index.js").PathOption;
}, "location">;
