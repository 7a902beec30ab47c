import type { ReplyTo } from '@/lib/messaging/schemas';

export type Status = ReplyTo<'ui/get-status'>;

export type StatusState = { kind: 'loading' } | { kind: 'ready'; status: Status } | { kind: 'failed'; error: string };
