import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import { RequestContext } from '../common/request-context.js';
import { User } from './models/user.model.js';
import { toUser } from './user.mapper.js';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Batched per request: a page of posts loads all its authors in one query. */
  byId(context: RequestContext, id: number): Promise<User | null> {
    return context
      .loader('usersById', () => new DataLoader<number, User | null>(async (ids) => {
        const rows = await this.users.findBy({ id: In([...ids]) });
        const byId = new Map(rows.map((row) => [row.id, toUser(row)]));
        return ids.map((userId) => byId.get(userId) ?? null);
      }))
      .load(id);
  }
}
