/**
 * Which palette colour each chosen model gets. The slot follows the models' sorted ids, not
 * their place in one chart's series, so a model keeps its colour in every chart, legend and
 * table, whichever metrics CloudWatch has for it and in whatever order it was picked.
 */
export function colorSlots(modelIds: readonly string[]): ReadonlyMap<string, number> {
    // Code-point order: localeCompare can tie two different ids, and then pick order would win.
    const sorted = [...new Set(modelIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return new Map(sorted.map((id, slot) => [id, slot]));
}

/** The colour of a model from a palette; the fallback when the model is not chosen. */
export function modelColor(
    modelId: string,
    slots: ReadonlyMap<string, number>,
    palette: readonly string[],
    fallback: string,
): string {
    const slot = slots.get(modelId);
    if (slot === undefined || palette.length === 0) {
        return fallback;
    }
    return palette[slot % palette.length] ?? fallback;
}
