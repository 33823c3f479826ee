import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from './request-context.js';

/** Injects the RequestContext of the GraphQL operation. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const { req, res } = GqlExecutionContext.create(context).getContext();
  return RequestContext.of(req, res);
});
