export declare const cheatSheet: import("../core/rule.js").Rule<"missing" | "noRows" | "noRow" | "emptyRow" | "multiLine" | "longRow" | "tooLong">;
