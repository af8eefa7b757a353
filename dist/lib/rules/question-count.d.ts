export declare const questionCount: import("../core/rule.js").Rule<"unreadable" | "tooFew" | "tooFewDistinct" | "copy" | "noAnswer" | "thinAnswer">;
