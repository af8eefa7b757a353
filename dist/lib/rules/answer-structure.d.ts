export declare const answerStructure: import("../core/rule.js").Rule<"noQuestions" | "missingParts" | "missingPartsNear">;
