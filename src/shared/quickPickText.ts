/**
 * Text from services and files shown in a quick pick. VS Code draws `$(name)` in a
 * QuickPickItem's label, description and detail as a product icon; a backslash before the `$`
 * shows the characters as typed instead (documented under "Icons in labels"). Pure: no vscode.
 */

/**
 * What VS Code reads as an icon: `$(` + name + optional `~modifier` + `)`. 1.100 takes names of
 * letters, digits and `-`, and letter modifiers; older releases took `~` followed by any of those
 * characters, so the wider form is escaped too.
 */
const iconSyntax = /\$\([A-Za-z0-9-]+(?:~[A-Za-z0-9-]*)?\)/g;

/**
 * The text with every `$(icon)` escaped so a quick pick shows it literally. A backslash already
 * in front stays and is shown too (the escape consumes only the one added here).
 */
export function escapeCodicons(text: string): string {
    return text.replace(iconSyntax, (icon) => `\\${icon}`);
}
