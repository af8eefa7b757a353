export declare const speakingTime: import("../core/rule.js").Rule<"tooLong">;
