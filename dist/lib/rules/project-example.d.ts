export declare const projectExample: import("../core/rule.js").Rule<"missing" | "noQuestions" | "missingNear" | "noComponent" | "noMetric">;
