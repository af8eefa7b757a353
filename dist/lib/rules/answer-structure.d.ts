export declare const answerStructure: import("../index.js").Rule<"noQuestions" | "missingParts" | "missingPartsNear", {}, "answer-structure">;
