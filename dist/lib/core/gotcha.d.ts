/** Splits a gotcha item into the wrong claim and the reason it is wrong. */
export declare function splitGotcha(text: string): {
    claim: string;
    reason: string;
};
