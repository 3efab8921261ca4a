import { ObjectType } from 'type-graphql';
import { Paginated } from '../common/paginated.js';
import { Component } from './component.entity.js';

@ObjectType({ description: 'A page of components.' })
export class ComponentPage extends Paginated(Component) {}
