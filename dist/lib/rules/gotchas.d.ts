export declare const gotchas: import("../index.js").Rule<"missing" | "noQuestions" | "tooFew" | "noReason" | "emptyItem", {
    gotchas: import("../index.js").IntegerOption;
    reasonWords: import("../index.js").IntegerOption;
}, "gotchas">;
