export declare const questionCount: import("../core/rule.js").Rule<"unreadable" | "tooFew" | "duplicateNumber" | "noAnswer" | "thinAnswer">;
