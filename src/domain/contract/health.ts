import { Type } from '@sinclair/typebox';

export const HealthView = Type.Object({ status: Type.Literal('ok'), database: Type.Literal('up') });

/** The process answers: a liveness probe restarts it when this stops. */
export const LiveView = Type.Object({ status: Type.Literal('ok') });

/** Database reachable and not shutting down: a load balancer sends requests here only while this is 200. */
export const ReadyView = Type.Object({ status: Type.Literal('ready') });
