export declare const location: import("../core/rule.js").Rule<"missing" | "wrongPath" | "wrongCase">;
