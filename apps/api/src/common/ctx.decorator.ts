import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from './request-context.js';

/** Injects the RequestContext of the GraphQL operation. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const { req, res } = GqlExecutionContext.create(context).getContext();
  return RequestContext.of(req, res);
});

/** The GraphQL context object: the third argument graphql-js passes a resolver. */
export interface GraphqlContext {
  req: Request;
  res?: Response;
}

/**
 * The RequestContext in a field resolver written with graphql-js's own arguments `(parent, args, context)` instead of
 * parameter decorators. Nest calls such a resolver directly; with `@Parent()`/`@Ctx()` every call goes through its
 * parameter pipeline, which cost a tenth of a thread page's CPU for the fields resolved once per reply.
 */
export function requestContextOf(graphql: GraphqlContext): RequestContext {
  return RequestContext.of(graphql.req, graphql.res);
}
