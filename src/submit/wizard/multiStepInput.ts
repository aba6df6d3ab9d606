import * as vscode from 'vscode';

/** One question of a wizard: reads and writes the shared state, or throws to go back/cancel. */
export interface WizardStep<S> {
    readonly name: string;
    /** True when a preset (or an earlier answer) already settles this question. */
    skip?(state: S): boolean;
    /**
     * True when the state already holds this step's answer (e.g. copied from a previous job):
     * a fast-forwarded run passes over it, yet Back still returns to it.
     */
    answered?(state: S): boolean;
    run(input: MultiStepInput, state: S): Promise<void>;
}

/** Thrown inside a step when the user pressed the Back button. */
class BackPressed extends Error {
    constructor() {
        super('back');
    }
}

export function isBack(error: unknown): boolean {
    return error instanceof BackPressed;
}

/** What the wizard is showing now; read by the integration tests. */
export interface StepSnapshot {
    readonly title: string;
    readonly kind: 'pick' | 'input';
    readonly value: string;
    readonly items: readonly string[];
    /** Description and detail of each item, as shown under or beside the label. */
    readonly itemDetails: readonly string[];
    /** Label of the highlighted item (what Enter accepts). */
    readonly active?: string;
    readonly prompt?: string;
    readonly validationMessage?: string;
}

let currentSnapshot: (() => StepSnapshot) | undefined;

export function activeStep(): StepSnapshot | undefined {
    return currentSnapshot?.();
}

export interface PickOptions<T extends vscode.QuickPickItem> {
    readonly title: string;
    readonly placeholder?: string;
    readonly items: readonly T[] | Promise<readonly T[]>;
    readonly activeItem?: (items: readonly T[]) => T | undefined;
    /**
     * Turns typed text into an extra item (e.g. "Use model id X"), or undefined for none. It is
     * listed last; VS Code still puts rows whose label matches the text first.
     */
    readonly typedItem?: (value: string, items: readonly T[]) => T | undefined;
    /** Text already in the box when the pick opens. */
    readonly value?: string;
    /**
     * Why Enter on this item does not answer the step, or undefined to accept it. The reason is
     * shown in the title and the pick stays open with what was typed (QuickPick has no
     * validation message in VS Code 1.100).
     */
    readonly refuse?: (item: T) => string | undefined;
}

export interface RunOptions {
    /** Pass over the leading steps whose answer the state already holds. */
    readonly fastForward?: boolean;
}

export interface InputOptions {
    readonly title: string;
    readonly prompt?: string;
    readonly placeholder?: string;
    readonly value: string;
    readonly validate: (value: string) => string | undefined;
    /** Live description of what the value means (shown as the prompt while typing). */
    readonly describe?: (value: string) => string | undefined;
}

/**
 * A wizard of quick picks and input boxes with a working Back button: each step is a function,
 * steps answered by a preset are simply never pushed, and Back re-runs the previous step.
 */
export class MultiStepInput {
    private stepNumber = 1;
    private totalSteps = 1;
    private canGoBack = false;

    /**
     * Runs the steps in order, skipping settled ones; Back returns to the previous step that was
     * shown. Rejects with CancellationError when the user dismisses a step.
     */
    static async run<S>(
        steps: readonly WizardStep<S>[],
        state: S,
        options: RunOptions = {},
    ): Promise<void> {
        const input = new MultiStepInput();
        const shown: number[] = [];
        let index = 0;
        if (options.fastForward === true) {
            for (; index < steps.length; index++) {
                const step = steps[index];
                if (step === undefined || step.skip?.(state) === true) {
                    continue;
                }
                if (step.answered?.(state) !== true) {
                    break;
                }
                shown.push(index);
            }
        }
        while (index < steps.length) {
            const step = steps[index];
            if (step === undefined) {
                break;
            }
            if (step.skip?.(state) === true) {
                index++;
                continue;
            }
            input.stepNumber = shown.length + 1;
            input.totalSteps =
                shown.length + steps.slice(index).filter((s) => s.skip?.(state) !== true).length;
            input.canGoBack = shown.length > 0;
            try {
                await step.run(input, state);
                shown.push(index);
                index++;
            } catch (error) {
                if (!isBack(error)) {
                    throw error;
                }
                const previous = shown.pop();
                index = previous ?? index;
            }
        }
    }

    /** For a sub-question inside a step: Back then returns to the step's own first question. */
    nested(): MultiStepInput {
        const inner = new MultiStepInput();
        inner.stepNumber = this.stepNumber;
        inner.totalSteps = this.totalSteps;
        inner.canGoBack = true;
        return inner;
    }

    async pick<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<T> {
        const picker = vscode.window.createQuickPick<T>();
        picker.title = options.title;
        picker.placeholder = options.placeholder;
        picker.step = this.stepNumber;
        picker.totalSteps = this.totalSteps;
        picker.ignoreFocusOut = true;
        picker.matchOnDescription = true;
        picker.buttons = this.canGoBack ? [vscode.QuickInputButtons.Back] : [];
        picker.value = options.value ?? '';
        let baseItems: readonly T[] = [];
        let refused: string | undefined;
        const disposables: vscode.Disposable[] = [picker];
        currentSnapshot = () => ({
            title: picker.title ?? '',
            kind: 'pick',
            value: picker.value,
            items: picker.items.map((i) => i.label),
            itemDetails: picker.items.map((i) =>
                [i.description, i.detail].filter(Boolean).join(' | '),
            ),
            ...(picker.activeItems[0] === undefined ? {} : { active: picker.activeItems[0].label }),
            ...(refused === undefined ? {} : { validationMessage: refused }),
        });
        const showRefusal = (reason: string | undefined): void => {
            refused = reason;
            picker.title = reason === undefined ? options.title : `${options.title}: ${reason}`;
        };
        try {
            return await new Promise<T>((resolve, reject) => {
                const refresh = (): void => {
                    const typed = options.typedItem?.(picker.value.trim(), baseItems);
                    picker.items = typed === undefined ? baseItems : [...baseItems, typed];
                };
                disposables.push(
                    picker.onDidTriggerButton((button) => {
                        if (button === vscode.QuickInputButtons.Back) {
                            reject(new BackPressed());
                        }
                    }),
                    picker.onDidChangeValue(() => {
                        showRefusal(undefined);
                        refresh();
                    }),
                    picker.onDidAccept(() => {
                        const [chosen] = picker.selectedItems;
                        if (chosen === undefined) {
                            return;
                        }
                        const reason = options.refuse?.(chosen);
                        if (reason === undefined) {
                            resolve(chosen);
                        } else {
                            showRefusal(reason);
                        }
                    }),
                    picker.onDidHide(() => reject(new vscode.CancellationError())),
                );
                picker.busy = true;
                picker.show();
                Promise.resolve(options.items).then(
                    (items) => {
                        baseItems = items;
                        refresh();
                        const active = options.activeItem?.(picker.items);
                        if (active !== undefined) {
                            picker.activeItems = [active];
                        }
                        picker.busy = false;
                    },
                    (error: unknown) =>
                        reject(error instanceof Error ? error : new Error(String(error))),
                );
            });
        } finally {
            currentSnapshot = undefined;
            vscode.Disposable.from(...disposables).dispose();
        }
    }

    async input(options: InputOptions): Promise<string> {
        const box = vscode.window.createInputBox();
        box.title = options.title;
        box.placeholder = options.placeholder;
        box.value = options.value;
        box.step = this.stepNumber;
        box.totalSteps = this.totalSteps;
        box.ignoreFocusOut = true;
        box.buttons = this.canGoBack ? [vscode.QuickInputButtons.Back] : [];
        const describe = (value: string): void => {
            box.validationMessage = options.validate(value);
            box.prompt = options.describe?.(value) ?? options.prompt;
        };
        describe(options.value);
        const disposables: vscode.Disposable[] = [box];
        currentSnapshot = () => ({
            title: box.title ?? '',
            kind: 'input',
            value: box.value,
            items: [],
            itemDetails: [],
            ...(box.prompt === undefined ? {} : { prompt: box.prompt }),
            ...(typeof box.validationMessage === 'string'
                ? { validationMessage: box.validationMessage }
                : {}),
        });
        try {
            return await new Promise<string>((resolve, reject) => {
                disposables.push(
                    box.onDidTriggerButton((button) => {
                        if (button === vscode.QuickInputButtons.Back) {
                            reject(new BackPressed());
                        }
                    }),
                    box.onDidChangeValue((value) => describe(value)),
                    box.onDidAccept(() => {
                        const problem = options.validate(box.value);
                        if (problem === undefined) {
                            resolve(box.value);
                        } else {
                            box.validationMessage = problem;
                        }
                    }),
                    box.onDidHide(() => reject(new vscode.CancellationError())),
                );
                box.show();
            });
        } finally {
            currentSnapshot = undefined;
            vscode.Disposable.from(...disposables).dispose();
        }
    }
}
