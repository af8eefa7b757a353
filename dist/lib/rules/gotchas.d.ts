export declare const gotchas: import("../core/rule.js").Rule<"missing" | "noQuestions" | "tooFew" | "noReason" | "emptyItem">;
