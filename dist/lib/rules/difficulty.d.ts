export declare const difficulty: import("../index.js").Rule<"missing" | "missingNear" | "invalid" | "levelsMissing", {}, "difficulty">;
