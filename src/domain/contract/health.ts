import { Type } from '@sinclair/typebox';

export const HealthView = Type.Object({ status: Type.Literal('ok'), database: Type.Literal('up') });
