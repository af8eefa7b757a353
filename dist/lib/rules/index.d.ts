/** Every rule, in checklist order. */
export declare const rules: readonly [import("../index.js").Rule<"unreadable" | "tooFew" | "tooFewDistinct" | "copy" | "noAnswer" | "thinAnswer", {
    questions: import("../index.js").IntegerOption;
    words: import("../index.js").IntegerOption;
}, "question-count">, import("../index.js").Rule<"missing" | "noQuestions" | "missingNear" | "noComponent" | "noMetric", {}, "project-example">, import("../index.js").Rule<"missing" | "noQuestions" | "tooFew" | "noReason" | "emptyItem", {
    gotchas: import("../index.js").IntegerOption;
    reasonWords: import("../index.js").IntegerOption;
}, "gotchas">, import("../index.js").Rule<"missing" | "missingNear" | "invalid" | "levelsMissing", {}, "difficulty">, import("../index.js").Rule<"missing" | "noRows" | "noRow" | "emptyRow" | "multiLine" | "longRow" | "tooLong", {
    cheatSheetLines: import("../index.js").IntegerOption;
    lineWidth: import("../index.js").IntegerOption;
    rowChars: import("../index.js").IntegerOption;
}, "cheat-sheet">, import("../index.js").Rule<"noQuestions" | "missingParts" | "missingPartsNear", {}, "answer-structure">, import("../index.js").Rule<"missing" | "wrongPath" | "wrongCase", {
    path: import("../index.js").PathOption;
}, "location">, import("../index.js").Rule<"tooLong", {
    speakingMinutes: import("../index.js").NumberOption;
    wordsPerMinute: import("../index.js").IntegerOption;
}, "speaking-time">, import("../index.js").Rule<"stated" | "correctGotcha", {}, "misconception">, import("../index.js").Rule<"missingTopic" | "levelMismatch", {}, "coverage">];
