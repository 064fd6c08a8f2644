// AWS-style error responses. The header `X-Amzn-ErrorType` carries the type (what SDKs read first); the
// body carries `message`. `__type` in the body is UNVERIFIED for API Gateway, but moto sends it and
// clients fall back to it, so the emulator sends both.
import type { Context } from 'hono';
import type { AwsErrorType } from '../src/rules/types';
import { httpStatusForErrorType } from '../src/rules/types';

/** Types the emulator emits beyond the modeled ones (framework-level failures). */
export type EmulatorErrorType =
  AwsErrorType | 'UnknownOperationException' | 'RequestEntityTooLargeException' | 'InternalFailure';

const extraStatus: Record<Exclude<EmulatorErrorType, AwsErrorType>, number> = {
  UnknownOperationException: 404,
  RequestEntityTooLargeException: 413,
  InternalFailure: 500,
};

export function statusFor(type: EmulatorErrorType): number {
  return type in httpStatusForErrorType
    ? httpStatusForErrorType[type as AwsErrorType]
    : extraStatus[type as Exclude<EmulatorErrorType, AwsErrorType>];
}

export class AwsError extends Error {
  readonly type: EmulatorErrorType;
  constructor(type: EmulatorErrorType, message: string) {
    super(message);
    this.type = type;
  }
}

export const notFound = (message: string) => new AwsError('NotFoundException', message);
export const badRequest = (message: string) => new AwsError('BadRequestException', message);

export function errorResponse(c: Context, type: EmulatorErrorType, message: string): Response {
  const status = statusFor(type);
  c.header('X-Amzn-ErrorType', type);
  return c.body(JSON.stringify({ message, __type: type }), status as 400, { 'Content-Type': 'application/json' });
}
