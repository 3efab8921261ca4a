import { ObjectType } from 'type-graphql';
import { Paginated } from '../common/paginated.js';
import { Page } from './page.entity.js';

@ObjectType({ description: 'A page of pages.' })
export class PagePage extends Paginated(Page) {}
