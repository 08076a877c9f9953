import type { BankManifest, Topic } from './bank-schema';

/** The bank's topics as a tree, for roll-ups, topic pickers and the exam blueprint. */
export interface TopicTree {
  topics: readonly Topic[];
  byId: ReadonlyMap<string, Topic>;
  /** Child topics in manifest order. */
  children: ReadonlyMap<string, readonly Topic[]>;
  roots: readonly Topic[];
}

export function buildTopicTree(manifest: BankManifest): TopicTree {
  const byId = new Map(manifest.topics.map((t) => [t.id, t]));
  const children = new Map<string, Topic[]>(manifest.topics.map((t) => [t.id, []]));
  const roots: Topic[] = [];
  for (const topic of manifest.topics) {
    const siblings = topic.parent === undefined ? undefined : children.get(topic.parent);
    if (siblings === undefined) roots.push(topic);
    else siblings.push(topic);
  }
  return { topics: manifest.topics, byId, children, roots };
}

/** The topic's ancestors, nearest first. */
export function ancestorsOf(tree: TopicTree, topicId: string): string[] {
  const ancestors: string[] = [];
  let parent = tree.byId.get(topicId)?.parent;
  while (parent !== undefined && !ancestors.includes(parent)) {
    ancestors.push(parent);
    parent = tree.byId.get(parent)?.parent;
  }
  return ancestors;
}

/** The topic and everything below it. */
export function subtreeOf(tree: TopicTree, topicId: string): Set<string> {
  const found = new Set<string>();
  const stack = [topicId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (found.has(id) || !tree.byId.has(id)) continue;
    found.add(id);
    for (const child of tree.children.get(id) ?? []) stack.push(child.id);
  }
  return found;
}

/** The blueprint area a topic counts towards: itself or its nearest ancestor with a weight. */
export function blueprintAreaOf(tree: TopicTree, topicId: string): string | undefined {
  for (const id of [topicId, ...ancestorsOf(tree, topicId)]) {
    if (tree.byId.get(id)?.weight !== undefined) return id;
  }
  return undefined;
}
