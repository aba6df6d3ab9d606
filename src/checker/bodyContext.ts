/**
 * What a model-family rule set sees while it checks one record's modelInput: a way to report
 * (paths are relative to modelInput) and counters for the token estimate.
 */
import type { RuleCode } from './rules';
import type { JsonPath } from './types';

export interface BodyContext {
    report(code: RuleCode, message: string, at?: JsonPath, fix?: BodyFix): void;
    /** Characters of text the model reads (see tokenEstimate.ts). */
    addText(chars: number): void;
    /** An image, document or video block. */
    addMedia(): void;
    /** The record's output limit (max_tokens or its family's equivalent). */
    setOutputLimit(tokens: number): void;
}

/** A fix on the current line, with paths relative to modelInput. */
export type BodyFix =
    | {
          readonly kind: 'insert-property';
          readonly title: string;
          readonly objectPath: JsonPath;
          readonly key: string;
          readonly value: string | number | boolean;
      }
    | { readonly kind: 'remove-property'; readonly title: string; readonly path: JsonPath };

export type BodyChecker = (body: JsonObject, ctx: BodyContext) => void;

export type JsonObject = Readonly<Record<string, unknown>>;
