export declare const speakingTime: import("../index.js").Rule<"tooLong", {
    speakingMinutes: import("../index.js").NumberOption;
    wordsPerMinute: import("../index.js").IntegerOption;
}, "speaking-time">;
