/**
 * The text of a simulated response: short, built from the prompt, the same for the same prompt,
 * and always marked as simulated, so a results view reads like answers without anyone mistaking
 * them for a model's. The heuristic:
 * 1. Split the user text into an instruction and a passage: at the first blank line; else after
 *    a short lead-in ending in a colon ("Summarize: ..."); else after the first line; else after
 *    the first sentence.
 * 2. Label the instruction. A leading verb from the table below becomes a noun ("Summarize this
 *    passage in one sentence" -> "Summary of this passage in one sentence"); a question becomes
 *    `Answer to “…?”`; anything else `Response to “…”`. At most 12 words are kept.
 * 3. Quote the passage's first sentence, at most 20 words, ending in "…" when cut.
 * 4. `[sandbox] <label>: “<quote>” — simulated, not a model.` (`about` instead of the colon after
 *    a quoted label).
 * Tokens follow the input rule (tokens.ts): ceil(characters / 4). When the record's max-token
 * setting is too small, the answer gets shorter: without the quote, then without the closing
 * note, then cut at maxTokens * 4 characters and reported as stopped by the limit. The
 * `[sandbox]` mark goes whenever the setting allows 3 tokens.
 */
import { CHARS_PER_TOKEN, textTokenCount } from './tokens';

export const SIMULATED_PREFIX = '[sandbox] ';
export const SIMULATED_SUFFIX = ' — simulated, not a model.';

const LABEL_WORDS = 12;
const QUOTE_WORDS = 20;
const LEAD_IN_WORDS = 6;

/** Instruction verbs and the noun (and preposition) that names their result. */
const NOUNS: Readonly<Record<string, readonly [string, string]>> = {
    summarize: ['Summary', 'of'],
    summarise: ['Summary', 'of'],
    explain: ['Explanation', 'of'],
    classify: ['Classification', 'of'],
    categorize: ['Categorization', 'of'],
    categorise: ['Categorisation', 'of'],
    describe: ['Description', 'of'],
    rewrite: ['Rewrite', 'of'],
    rephrase: ['Rephrasing', 'of'],
    paraphrase: ['Paraphrase', 'of'],
    simplify: ['Simplification', 'of'],
    translate: ['Translation', 'of'],
    analyze: ['Analysis', 'of'],
    analyse: ['Analysis', 'of'],
    extract: ['Extraction', 'of'],
    identify: ['Identification', 'of'],
    compare: ['Comparison', 'of'],
    review: ['Review', 'of'],
    evaluate: ['Evaluation', 'of'],
    assess: ['Assessment', 'of'],
    critique: ['Critique', 'of'],
    define: ['Definition', 'of'],
    list: ['List', 'of'],
    name: ['List', 'of'],
    outline: ['Outline', 'of'],
    write: ['Draft', 'of'],
    draft: ['Draft', 'of'],
    compose: ['Draft', 'of'],
    generate: ['Draft', 'of'],
    create: ['Draft', 'of'],
    correct: ['Correction', 'of'],
    proofread: ['Proofreading', 'of'],
    rate: ['Rating', 'of'],
    score: ['Score', 'of'],
    label: ['Label', 'for'],
    tag: ['Tags', 'for'],
    suggest: ['Suggestions', 'for'],
    recommend: ['Recommendation', 'for'],
    answer: ['Answer', 'to'],
};

/** A clause starting with one of these follows the noun directly: "Translation into French". */
const PREPOSITIONS = new Set(['to', 'into', 'from', 'for', 'in', 'with', 'about', 'on', 'as']);
const QUESTION_WORDS = new Set(
    (
        'who what when where why how which whose whom is are was were do does did can could ' +
        'should would will shall may might has have had'
    ).split(' '),
);
const POLITE = new Set(['please', 'kindly', 'now']);
const SENTENCE = /^[\s\S]*?[.!?](?=["'”’)\]]*(?:\s|$))/;
const CLAUSE_END = /[,;:.!?]/;
const OPEN_QUOTES = /^["'“‘«(]+/;
const CLOSE_QUOTES = /["'”’»)]+$/;

export interface BoundedAnswer {
    readonly text: string;
    readonly tokens: number;
    /** True when the max-token setting cut the text short. */
    readonly truncated: boolean;
}

/** The answer to `userText` that fits `maxTokens`, shortened or cut when it must be. */
export function boundedAnswer(userText: string, maxTokens: number): BoundedAnswer {
    const forms = answerForms(userText);
    let limit = maxTokens * CHARS_PER_TOKEN;
    for (const form of forms) {
        if (form.length <= limit) {
            return { text: form, tokens: textTokenCount(form), truncated: false };
        }
    }
    const shortest = forms[forms.length - 1] ?? SIMULATED_PREFIX;
    const code = shortest.charCodeAt(limit - 1);
    if (code >= 0xd800 && code <= 0xdbff) {
        limit -= 1;
    }
    const text = shortest.slice(0, limit);
    return { text, tokens: textTokenCount(text), truncated: true };
}

/** The full answer, when no token limit gets in the way. */
export function simulatedAnswer(userText: string): string {
    return answerForms(userText)[0] ?? SIMULATED_PREFIX;
}

/** The answer from longest to shortest: with the quote, without it, without the closing note. */
function answerForms(userText: string): string[] {
    const { instruction, passage } = splitPrompt(squeeze(userText));
    const label = labelOf(instruction);
    const quote = passage.length > 0 ? quoteOf(passage) : '';
    const joiner = label.endsWith('”') ? ' about ' : ': ';
    const short = `${SIMULATED_PREFIX}${label}${SIMULATED_SUFFIX}`;
    const bare = `${SIMULATED_PREFIX}${label}`;
    return quote.length > 0
        ? [`${SIMULATED_PREFIX}${label}${joiner}“${quote}”${SIMULATED_SUFFIX}`, short, bare]
        : [short, bare];
}

/** Collapses runs of spaces and tabs; keeps line breaks, which separate parts of a prompt. */
function squeeze(text: string): string {
    return text
        .replace(/[ \t\f\v]+/g, ' ')
        .replace(/ ?\r?\n ?/g, '\n')
        .trim();
}

function splitPrompt(text: string): { instruction: string; passage: string } {
    const blank = /\n\s*\n/.exec(text);
    if (blank !== null) {
        return parts(text.slice(0, blank.index), text.slice(blank.index + blank[0].length));
    }
    const leadIn = /^([^\n:]+):\s+(\S[\s\S]*)$/.exec(text);
    if (leadIn !== null && wordsOf(leadIn[1] ?? '').length <= LEAD_IN_WORDS) {
        return parts(leadIn[1] ?? '', leadIn[2] ?? '');
    }
    const newline = text.indexOf('\n');
    if (newline >= 0) {
        return parts(text.slice(0, newline), text.slice(newline + 1));
    }
    const first = firstSentence(text);
    return parts(first, text.slice(first.length));
}

function parts(instruction: string, passage: string): { instruction: string; passage: string } {
    return { instruction: oneLine(instruction), passage: oneLine(passage) };
}

function labelOf(instruction: string): string {
    const sentence = firstSentence(instruction);
    const words = wordsOf(sentence);
    while (words.length > 1 && POLITE.has(bare(words[0]))) {
        words.shift();
    }
    if (words.length === 0) {
        return 'Response to a request without text';
    }
    const lead = bare(words[0]);
    if (sentence.endsWith('?') || QUESTION_WORDS.has(lead)) {
        return `Answer to “${capitalised(limitWords(words, LABEL_WORDS))}”`;
    }
    const noun = NOUNS[lead];
    if (noun !== undefined) {
        const clause = words.slice(1).join(' ').split(CLAUSE_END)[0]?.trim() ?? '';
        const restWords = wordsOf(clause);
        const rest = limitWords(restWords, LABEL_WORDS - 1);
        if (rest.length === 0) {
            return noun[0];
        }
        return PREPOSITIONS.has(bare(restWords[0]))
            ? `${noun[0]} ${rest}`
            : `${noun[0]} ${noun[1]} ${rest}`;
    }
    const statement = limitWords(words, LABEL_WORDS).replace(/\.$/, '');
    return `Response to “${capitalised(statement)}”`;
}

function quoteOf(passage: string): string {
    const unwrapped = passage.replace(OPEN_QUOTES, '');
    const sentence = firstSentence(unwrapped).replace(CLOSE_QUOTES, '');
    return limitWords(wordsOf(sentence), QUOTE_WORDS);
}

function firstSentence(text: string): string {
    return SENTENCE.exec(text)?.[0] ?? text;
}

function limitWords(words: readonly string[], max: number): string {
    if (words.length <= max) {
        return words.join(' ');
    }
    return `${words.slice(0, max).join(' ').replace(/[,;:.!?]+$/, '')}…`;
}

function wordsOf(text: string): string[] {
    return text.split(/\s+/).filter((word) => word.length > 0);
}

function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

function bare(word: string | undefined): string {
    return (word ?? '').toLowerCase().replace(/[^a-z]/g, '');
}

function capitalised(text: string): string {
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
