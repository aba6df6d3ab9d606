/**
 * Chart colours from the editor's theme. Values are read from the `--vscode-*` variables VS Code
 * sets on the page and resolved to plain colours through a probe element (canvas drawing takes
 * no `var()` or `color-mix()`). `onThemeChange` fires when VS Code switches theme, which it
 * marks by changing body's class.
 */
export interface ChartTheme {
    readonly series: readonly string[];
    readonly foreground: string;
    readonly muted: string;
    readonly grid: string;
    readonly background: string;
    readonly fontFamily: string;
    readonly fontSize: number;
    readonly markers: Readonly<Record<'submitted' | 'started' | 'ended', string>>;
}

const seriesVariables = [
    '--vscode-charts-blue',
    '--vscode-charts-orange',
    '--vscode-charts-green',
    '--vscode-charts-purple',
    '--vscode-charts-red',
    '--vscode-charts-yellow',
];

let probe: HTMLElement | undefined;

/** Any CSS colour expression as the rgb() string the browser computes for it. */
function resolveColor(expression: string): string {
    if (probe === undefined) {
        probe = document.createElement('span');
        probe.setAttribute('aria-hidden', 'true');
        probe.style.display = 'none';
        document.body.appendChild(probe);
    }
    probe.style.color = '';
    probe.style.color = expression;
    return getComputedStyle(probe).color;
}

export function readTheme(): ChartTheme {
    const root = getComputedStyle(document.documentElement);
    const variable = (name: string): string => root.getPropertyValue(name).trim();
    const foreground = resolveColor('var(--vscode-foreground, #888)');
    const series = seriesVariables.map((name) =>
        resolveColor(`var(${name}, var(--vscode-foreground))`),
    );
    const grid =
        variable('--vscode-editorWidget-border') !== ''
            ? resolveColor('var(--vscode-editorWidget-border)')
            : resolveColor('color-mix(in srgb, var(--vscode-foreground) 18%, transparent)');
    const size = Number.parseFloat(variable('--vscode-font-size'));
    return {
        series,
        foreground,
        muted: resolveColor('var(--vscode-descriptionForeground, var(--vscode-foreground))'),
        grid,
        background: resolveColor('var(--vscode-editor-background, transparent)'),
        fontFamily: variable('--vscode-font-family') || 'sans-serif',
        fontSize: Number.isFinite(size) ? size : 13,
        // Markers differ by shape, in the text colour, so they never pass for a model's line.
        markers: { submitted: foreground, started: foreground, ended: foreground },
    };
}

export function onThemeChange(callback: () => void): void {
    let last = document.body.className;
    new MutationObserver(() => {
        if (document.body.className !== last) {
            last = document.body.className;
            // VS Code sets the new variables in the same turn; read them once it is done.
            requestAnimationFrame(callback);
        }
    }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
