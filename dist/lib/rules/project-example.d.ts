export declare const projectExample: import("../index.js").Rule<"missing" | "noQuestions" | "missingNear" | "noComponent" | "noMetric", {}, "project-example">;
