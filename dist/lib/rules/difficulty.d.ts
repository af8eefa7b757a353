export declare const difficulty: import("../core/rule.js").Rule<"missing" | "missingNear" | "invalid" | "levelsMissing">;
