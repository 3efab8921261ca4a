/** StudioBrain's 16 entity types (as-built.md), in its documented order. */
export const ENTITY_TYPES = [
  'character', 'location', 'district', 'brand', 'faction', 'item', 'job', 'quest',
  'campaign', 'event', 'dialogue', 'timeline', 'assembly', 'style_bible', 'universe', 'biome',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The fields particular to each type, shown in its "Details" section; the rest of a layout is common. */
const DETAILS: Record<EntityType, string[]> = {
  character: ['species', 'age', 'gender', 'occupation', 'faction', 'home_location', 'personality', 'appearance', 'backstory'],
  location: ['location_type', 'region', 'climate', 'population', 'district', 'notable_features'],
  district: ['parent_location', 'population', 'economy', 'security_level', 'landmarks'],
  brand: ['industry', 'slogan', 'owner_faction', 'products', 'visual_identity'],
  faction: ['faction_type', 'leader', 'headquarters', 'ideology', 'allies', 'enemies'],
  item: ['item_type', 'rarity', 'value', 'weight', 'properties', 'owner'],
  job: ['employer', 'location', 'pay', 'requirements', 'duties'],
  quest: ['quest_giver', 'objectives', 'rewards', 'prerequisites', 'campaign'],
  campaign: ['setting', 'quests', 'factions', 'start_date', 'end_date'],
  event: ['date', 'location', 'participants', 'outcome', 'timeline'],
  dialogue: ['speakers', 'context', 'lines', 'branches'],
  timeline: ['start_date', 'end_date', 'era', 'events'],
  assembly: ['assembly_type', 'parent_assembly', 'slots', 'export_profile'],
  style_bible: ['palette', 'typography', 'art_direction', 'references'],
  universe: ['genre', 'tone', 'rules', 'technology_level', 'magic_system'],
  biome: ['climate', 'terrain', 'flora', 'fauna', 'hazards'],
};

/**
 * The built-in layout of a type: how StudioBrain arranges an entity's fields. A tenant's override replaces it whole;
 * resetting or deleting the override brings this back.
 */
export function defaultLayout(type: EntityType): Record<string, unknown> {
  return {
    entity_type: type,
    version: 1,
    sections: [
      { id: 'overview', title: 'Overview', columns: 2, fields: ['name', 'status', 'description', 'tags'] },
      { id: 'details', title: 'Details', columns: 2, fields: DETAILS[type] },
      { id: 'relationships', title: 'Relationships', columns: 1, fields: ['relationships'] },
      { id: 'notes', title: 'Notes', columns: 1, fields: ['body'] },
    ],
    sidebar: ['image', 'template_version', 'created_date', 'last_updated'],
  };
}

export const isEntityType = (type: string): type is EntityType => (ENTITY_TYPES as readonly string[]).includes(type);
