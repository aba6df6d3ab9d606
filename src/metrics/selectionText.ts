/** Names shown in full under the Models picker, whose own face only counts them. */
const namesShown = 3;

/** "a", "a, b", "a, b, c and 2 more"; the whole list goes in the line's tooltip. */
export function selectedModelsText(modelIds: readonly string[]): string {
    if (modelIds.length === 0) {
        return 'No model chosen';
    }
    const shown = modelIds.slice(0, namesShown).join(', ');
    const rest = modelIds.length - namesShown;
    return rest > 0 ? `${shown} and ${rest} more` : shown;
}
