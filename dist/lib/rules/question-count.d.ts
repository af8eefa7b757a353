export declare const questionCount: import("../index.js").Rule<"unreadable" | "tooFew" | "tooFewDistinct" | "copy" | "noAnswer" | "thinAnswer", {
    questions: import("../index.js").IntegerOption;
    words: import("../index.js").IntegerOption;
}, "question-count">;
