export declare const coverage: import("../index.js").Rule<"missingTopic" | "levelMismatch", {}, "coverage">;
