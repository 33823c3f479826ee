import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/paginated.js';
import { AnswerExample } from './answer-example.model.js';

@ObjectType('AnswerExampleConnection', { description: "One page of a canonical answer's example questions, oldest first." })
export class AnswerExampleConnection extends Paginated(AnswerExample, 'AnswerExample', 'example question') {}
