/** Which rule set checks a body, by model family and invocation type. */
import type { BodyChecker } from '../bodyContext';
import type { ModelFamily, ModelTarget } from '../types';
import { checkClaudeBody } from './claude';
import { checkConverseBody } from './converse';
import { checkGenericBody } from './generic';
import { checkLlamaBody } from './llama';
import { checkMistralBody } from './mistral';
import { checkNovaBody } from './nova';
import { checkOpenAiBody } from './openAi';
import {
    checkTitanEmbedImageBody,
    checkTitanEmbedV1Body,
    checkTitanEmbedV2Body,
} from './titanEmbeddings';
import { checkTitanTextBody } from './titanText';

const INVOKE_MODEL_CHECKERS: Readonly<Record<ModelFamily, BodyChecker>> = {
    anthropic: checkClaudeBody,
    nova: checkNovaBody,
    'titan-text': checkTitanTextBody,
    'titan-embed-text-v1': checkTitanEmbedV1Body,
    'titan-embed-text-v2': checkTitanEmbedV2Body,
    'titan-embed-image': checkTitanEmbedImageBody,
    llama: checkLlamaBody,
    mistral: checkMistralBody,
    openai: checkOpenAiBody,
    generic: checkGenericBody,
};

export function bodyCheckerFor(target: ModelTarget): BodyChecker {
    if (target.invocationType === 'Converse') {
        return checkConverseBody;
    }
    return INVOKE_MODEL_CHECKERS[target.family];
}
