import type { SpokenKind } from './labels.js';
/** Whether an unlabelled paragraph reads as the given part when it stands in that part's place. */
export declare function wordingSays(kind: SpokenKind, text: string, codeSpans: readonly string[]): boolean;
/** Whether prose states a tradeoff in words ("at the cost of", "rather than", "sacrifices", …). */
export declare function hasTradeoffWording(text: string): boolean;
