/**
 * VS Code turns `[label](target)` in a notification message, a progress title or a progress
 * message into a link, `command:` targets included, and offers no way to escape it. Text the
 * extension did not write itself (file names, S3 keys, job names, the services' messages) reaches
 * the user only through notificationText().
 */

import { showInvisible } from './visibleText';

/** VS Code cuts notification messages at this length itself. */
const notificationLimit = 1000;

/**
 * The text made safe for a notification: a zero-width space between `]` and `(` keeps every
 * visible character while no link can form; line breaks and other controls become spaces (a
 * notification is one line), bidirectional and other invisible characters are shown as escapes
 * (so they cannot reorder the message), and text longer than maxLength is cut with an ellipsis.
 */
export function notificationText(text: string, maxLength = notificationLimit): string {
    const flat = showInvisible(text.replace(/[\s\p{Cc}]+/gu, ' ').trim()).replace(
        /\]\(/g,
        ']\u200b(',
    );
    return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}\u2026` : flat;
}

/** Service messages often lack a final period ("Access Denied"); a hint may follow them. */
export function asSentence(text: string): string {
    const trimmed = text.trim();
    return trimmed === '' || /[.!?:;]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
