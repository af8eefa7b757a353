export declare const coverage: import("../core/rule.js").Rule<"missingTopic" | "levelMismatch">;
