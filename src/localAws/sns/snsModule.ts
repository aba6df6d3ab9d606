/** SNS over awsQuery: topics, and every published message kept for tests to read. */
import { randomUUID } from 'node:crypto';
import { LocalAwsError } from '../types';
import type { ServiceModule, ServiceModuleContext, ServiceModuleFactory } from '../types';
import { createQueryModule, memberStructs, required } from '../query/queryModule';

const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';
const PAGE_SIZE = 100;

export interface PublishedMessage {
    readonly messageId: string;
    readonly topicArn: string;
    readonly message: string;
    readonly subject?: string;
    readonly attributes: Readonly<
        Record<string, { readonly dataType: string; readonly value: string }>
    >;
    /** Real time of the publish. */
    readonly timeMs: number;
}

export interface Topic {
    readonly arn: string;
    readonly name: string;
    readonly attributes: Record<string, string>;
}

export class SnsState {
    readonly topics = new Map<string, Topic>();
    readonly messages: PublishedMessage[] = [];

    constructor(readonly accountId: string) {}

    create(region: string, name: string, attributes: Record<string, string> = {}): Topic {
        const fifo = name.endsWith('.fifo');
        if (!/^[A-Za-z0-9_-]{1,256}$/.test(fifo ? name.slice(0, -5) : name)) {
            throw new LocalAwsError('InvalidParameter', 400, 'Invalid parameter: Topic Name');
        }
        const arn = `arn:aws:sns:${region}:${this.accountId}:${name}`;
        const existing = this.topics.get(arn);
        if (existing !== undefined) {
            return existing;
        }
        const topic: Topic = { arn, name, attributes: { ...attributes } };
        this.topics.set(arn, topic);
        return topic;
    }

    /** Messages published to one topic (or all), oldest first. */
    published(topicArn?: string): PublishedMessage[] {
        return this.messages.filter((m) => topicArn === undefined || m.topicArn === topicArn);
    }
}

export interface SnsModule extends ServiceModule {
    readonly state: SnsState;
}

export function createSnsModule(
    context: Pick<ServiceModuleContext, 'accountId' | 'region'>,
): SnsModule {
    const state = new SnsState(context.accountId);
    state.create(context.region, 'batch-alerts');
    const topicOf = (arn: string): Topic => {
        const topic = state.topics.get(arn);
        if (topic === undefined) {
            throw new LocalAwsError('NotFound', 404, 'Topic does not exist');
        }
        return topic;
    };
    const module = createQueryModule({
        signingName: 'sns',
        xmlns: XMLNS,
        operations: {
            CreateTopic: (params, req) => {
                const attributes: Record<string, string> = {};
                for (const entry of memberStructs(params, 'Attributes.entry')) {
                    if (entry['key'] !== undefined) {
                        attributes[entry['key']] = entry['value'] ?? '';
                    }
                }
                return {
                    TopicArn: state.create(
                        req.region,
                        required(params, 'Name', 'InvalidParameter'),
                        attributes,
                    ).arn,
                };
            },
            ListTopics: (params, req) => {
                const arns = [...state.topics.keys()]
                    .filter((arn) => arn.split(':')[3] === req.region)
                    .sort();
                const token = params.get('NextToken');
                const start =
                    token === null ? 0 : Number(Buffer.from(token, 'base64').toString('utf8'));
                if (!Number.isInteger(start) || start < 0 || start > arns.length) {
                    throw new LocalAwsError(
                        'InvalidParameter',
                        400,
                        'Invalid parameter: NextToken',
                    );
                }
                const page = arns.slice(start, start + PAGE_SIZE);
                const next =
                    start + PAGE_SIZE < arns.length
                        ? Buffer.from(String(start + PAGE_SIZE), 'utf8').toString('base64')
                        : undefined;
                return {
                    Topics: { member: page.map((arn) => ({ TopicArn: arn })) },
                    ...(next === undefined ? {} : { NextToken: next }),
                };
            },
            GetTopicAttributes: (params) => {
                const topic = topicOf(required(params, 'TopicArn', 'InvalidParameter'));
                const attributes: Record<string, string> = {
                    TopicArn: topic.arn,
                    Owner: state.accountId,
                    DisplayName: '',
                    SubscriptionsConfirmed: '0',
                    SubscriptionsPending: '0',
                    SubscriptionsDeleted: '0',
                    ...topic.attributes,
                };
                return {
                    Attributes: {
                        entry: Object.entries(attributes).map(([key, value]) => ({ key, value })),
                    },
                };
            },
            Publish: (params) => {
                const topicArn = params.get('TopicArn') ?? params.get('TargetArn');
                if (topicArn === null) {
                    throw new LocalAwsError(
                        'InvalidParameter',
                        400,
                        'Invalid parameter: TopicArn or TargetArn Reason: no value for ' +
                        'required parameter',
                    );
                }
                topicOf(topicArn);
                const message = params.get('Message');
                if (message === null || message === '') {
                    throw new LocalAwsError(
                        'InvalidParameter',
                        400,
                        'Invalid parameter: Empty message',
                    );
                }
                const attributes: Record<string, { dataType: string; value: string }> = {};
                for (const entry of memberStructs(params, 'MessageAttributes.entry')) {
                    const name = entry['Name'];
                    if (name !== undefined) {
                        attributes[name] = {
                            dataType: entry['Value.DataType'] ?? 'String',
                            value: entry['Value.StringValue'] ?? entry['Value.BinaryValue'] ?? '',
                        };
                    }
                }
                const subject = params.get('Subject');
                const messageId = randomUUID();
                state.messages.push({
                    messageId,
                    topicArn,
                    message,
                    ...(subject === null ? {} : { subject }),
                    attributes,
                    timeMs: Date.now(),
                });
                return { MessageId: messageId };
            },
            DeleteTopic: (params) => {
                state.topics.delete(required(params, 'TopicArn', 'InvalidParameter'));
                return undefined;
            },
        },
    });
    return { ...module, state };
}

export function snsService(): ServiceModuleFactory {
    return {
        name: 'sns',
        create: (context) => {
            const module = createSnsModule(context);
            context.exposeState('sns', module.state);
            context.registerControlRoute('GET', '/__local/sns/messages', (req) => ({
                messages: module.state.published(req.query.get('topicArn') ?? undefined),
            }));
            return module;
        },
    };
}
