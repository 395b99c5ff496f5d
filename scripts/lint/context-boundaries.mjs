// An ESLint rule (no dependencies) that holds the api's bounded contexts to their declared graph:
// a folder of apps/api/src may import another only if the graph lets it depend on that one, and
// then only that one's public files. The graph itself is declared in eslint.config.mjs.
import path from 'node:path';

/** `a/b`, `*.entity` → a RegExp over a path relative to the context folder, without extension. */
function globToRegExp(glob) {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${body}$`);
}

/**
 * Options: `{ root, contexts }`. `root` is apps/api/src (absolute). `contexts[name]` is
 * `{ public: [globs], dependsOn: { other: true | [globs] } }`: `public` is what any dependent may
 * import (`['**']` for all of it); a `dependsOn` entry narrows that to the globs given. Files
 * directly in `root` (entry points) belong to the context named `.`.
 */
export const contextBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Bounded contexts import only their declared neighbours, through public files.' },
    schema: [{ type: 'object', additionalProperties: true }],
    messages: {
      unknownContext:
        '"{{from}}" is not in the context graph (eslint.config.mjs): declare it and its neighbours.',
      notANeighbour:
        '"{{from}}" may not depend on "{{to}}". Its neighbours are: {{allowed}}. (Graph: eslint.config.mjs)',
      internal:
        '"{{to}}/{{file}}" is internal to "{{to}}": use its public files ({{public}}), or add this one to them if it is meant for others.',
    },
  },
  create(context) {
    const { root, contexts } = context.options[0];
    const file = context.filename;
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return {};
    const contextOf = (rel) => (rel.includes(path.sep) ? rel.split(path.sep)[0] : '.');
    const from = contextOf(relative);
    const own = contexts[from];

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(file), source));
      if (target.startsWith('..')) return;
      const to = contextOf(target);
      if (to === from) return;
      if (!own) return context.report({ node, messageId: 'unknownContext', data: { from } });
      const edge = own.dependsOn?.[to];
      if (!edge) {
        const allowed = Object.keys(own.dependsOn ?? {}).join(', ') || 'none';
        return context.report({ node, messageId: 'notANeighbour', data: { from, to, allowed } });
      }
      const globs = edge === true ? (contexts[to]?.public ?? []) : edge;
      const inside = target
        .slice(to.length + 1)
        .split(path.sep)
        .join('/')
        .replace(/\.[cm]?[jt]sx?$/, '');
      if (globs.includes('**') || globs.some((glob) => globToRegExp(glob).test(inside))) return;
      context.report({
        node,
        messageId: 'internal',
        data: { to, file: inside, public: globs.join(', ') || 'none' },
      });
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
