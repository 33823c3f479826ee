import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, StaffOnly } from '../common/access.decorators.js';
import { Ctx } from '../common/ctx.decorator.js';
import { RequestContext } from '../common/request-context.js';
import { MarkdownService } from '../markdown/markdown.service.js';
import { CanonicalAnswersService } from './canonical-answers.service.js';
import { AddAnswerExampleArgs } from './dto/add-answer-example.args.js';
import { AnswerSlugArgs } from './dto/answer-slug.args.js';
import { CanonicalAnswersArgs } from './dto/canonical-answers.args.js';
import { LearnedExamplesArgs } from './dto/learned-examples.args.js';
import { RemoveLearnedExampleArgs } from './dto/remove-learned-example.args.js';
import { CreateCanonicalAnswerInput } from './dto/create-canonical-answer.input.js';
import { RemoveAnswerExampleArgs } from './dto/remove-answer-example.args.js';
import { UpdateCanonicalAnswerArgs } from './dto/update-canonical-answer.args.js';
import { AnswerExample } from './models/answer-example.model.js';
import { CanonicalAnswerRevisionConnection } from './models/canonical-answer-revision-connection.model.js';
import { AnswerExampleConnection } from './models/answer-example-connection.model.js';
import { PageArgs } from '../common/page.args.js';
import { CanonicalAnswer } from './models/canonical-answer.model.js';
import { LearnedExample } from './models/learned-example.model.js';
import { renderedHtmlCost } from '../graphql/query-limits.js';

@Resolver(() => CanonicalAnswer)
export class CanonicalAnswersResolver {
  constructor(
    private readonly answers: CanonicalAnswersService,
    private readonly markdown: MarkdownService,
  ) {}

  @Public()
  @Query(() => [CanonicalAnswer], { description: 'The canonical answers, oldest first.' })
  canonicalAnswers(@Ctx() context: RequestContext, @Args() args: CanonicalAnswersArgs): Promise<CanonicalAnswer[]> {
    return this.answers.list(context, args.includeRetired);
  }

  @Public()
  @Query(() => CanonicalAnswer, {
    nullable: true,
    description: 'One canonical answer (retired ones too), or null when no answer has this slug.',
  })
  canonicalAnswer(@Ctx() context: RequestContext, @Args() args: AnswerSlugArgs): Promise<CanonicalAnswer | null> {
    return this.answers.bySlug(context, args.slug);
  }

  @StaffOnly()
  @Mutation(() => CanonicalAnswer, {
    description: 'Staff: a new canonical answer with its example questions; the bot can suggest it at once.',
  })
  createCanonicalAnswer(
    @Ctx() context: RequestContext,
    @Args('input', { description: 'The new answer.' }) input: CreateCanonicalAnswerInput,
  ): Promise<CanonicalAnswer> {
    return this.answers.create(context, input);
  }

  @StaffOnly()
  @Mutation(() => CanonicalAnswer, { description: 'Staff: edits the title or body, keeping the previous text as a revision.' })
  updateCanonicalAnswer(@Ctx() context: RequestContext, @Args() args: UpdateCanonicalAnswerArgs): Promise<CanonicalAnswer> {
    return this.answers.update(context, args.slug, args.input);
  }

  @StaffOnly()
  @Mutation(() => CanonicalAnswer, { description: 'Staff: the bot stops suggesting this answer; it stays readable.' })
  retireCanonicalAnswer(@Ctx() context: RequestContext, @Args() args: AnswerSlugArgs): Promise<CanonicalAnswer> {
    return this.answers.setRetired(context, args.slug, true);
  }

  @StaffOnly()
  @Mutation(() => CanonicalAnswer, { description: 'Staff: the bot suggests a retired answer again.' })
  restoreCanonicalAnswer(@Ctx() context: RequestContext, @Args() args: AnswerSlugArgs): Promise<CanonicalAnswer> {
    return this.answers.setRetired(context, args.slug, false);
  }

  @StaffOnly()
  @Mutation(() => AnswerExample, { description: 'Staff: teaches the bot one more way people ask for this answer.' })
  addAnswerExample(@Ctx() context: RequestContext, @Args() args: AddAnswerExampleArgs): Promise<AnswerExample> {
    return this.answers.addExample(context, args.slug, args.text);
  }

  @StaffOnly()
  @Mutation(() => CanonicalAnswer, { description: 'Staff: removes an example question; returns the answer it belonged to.' })
  removeAnswerExample(@Ctx() context: RequestContext, @Args() args: RemoveAnswerExampleArgs): Promise<CanonicalAnswer> {
    return this.answers.removeExample(context, args.exampleId);
  }

  @StaffOnly()
  @Query(() => [LearnedExample], {
    description: 'Staff: the questions the bot learned from staff decisions (confirmed, corrected, dismissed), newest first.',
  })
  learnedExamples(@Ctx() context: RequestContext, @Args() args: LearnedExamplesArgs): Promise<LearnedExample[]> {
    return this.answers.learnedExamples(context, args.first);
  }

  @StaffOnly()
  @Mutation(() => Boolean, {
    description: 'Staff: the bot forgets a learned example and retrains at once; false is never returned (NOT_FOUND instead).',
  })
  removeLearnedExample(@Ctx() context: RequestContext, @Args() args: RemoveLearnedExampleArgs): Promise<boolean> {
    return this.answers.removeLearnedExample(context, args.id);
  }

  @ResolveField(() => String, { complexity: renderedHtmlCost, description: 'The body as sanitised HTML.' })
  bodyHtml(@Parent() answer: CanonicalAnswer): string {
    return answer.cookedHtml ?? this.markdown.render(answer.body);
  }

  @ResolveField(() => AnswerExampleConnection, {
    nullable: true,
    description: 'Staff only: the example questions the bot learns from, oldest first, a page at a time.',
  })
  examples(@Ctx() context: RequestContext, @Parent() answer: CanonicalAnswer, @Args() args: PageArgs): Promise<AnswerExampleConnection> {
    return this.answers.examples(context, Number(answer.id), args);
  }

  @ResolveField(() => CanonicalAnswerRevisionConnection, {
    nullable: true,
    description: 'Staff only: earlier versions, newest first, a page at a time.',
  })
  revisions(
    @Ctx() context: RequestContext,
    @Parent() answer: CanonicalAnswer,
    @Args() args: PageArgs,
  ): Promise<CanonicalAnswerRevisionConnection> {
    return this.answers.revisions(context, Number(answer.id), args);
  }
}
