export declare const cheatSheet: import("../index.js").Rule<"missing" | "noRows" | "noRow" | "emptyRow" | "multiLine" | "longRow" | "tooLong", {
    cheatSheetLines: import("../index.js").IntegerOption;
    lineWidth: import("../index.js").IntegerOption;
    rowChars: import("../index.js").IntegerOption;
}, "cheat-sheet">;
