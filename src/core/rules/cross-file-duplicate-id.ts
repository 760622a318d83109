/**
 * One ID names different work in two plan files: "CP-004" is "Audit log export" in the gap
 * analysis and "Password reset" in the sprint plan. A restatement (a summary row, a shorter
 * title) is the same item; only definitions of the same kind whose titles share fewer than
 * half their significant words are two items.
 */
import type { CrossFileRule } from './types';
import { displayTitle, fullId } from './item-identity';
import { acrossFiles, byFile, differentItems, fileName, type Occurrence } from './cross-file-items';

/** Every occurrence in `a` names other work than every occurrence in `b`. */
function allDifferent(a: readonly Occurrence[], b: readonly Occurrence[]): boolean {
  return a.every((x) => b.every((y) => differentItems(x.identity, y.identity)));
}

export const crossFileDuplicateId: CrossFileRule = {
  meta: {
    id: 'cross-file-duplicate-id',
    description: 'One ID is used for different items in two plan files.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      duplicate: '{id} is "{title}" here but "{other}" in {file}; one of them needs a new ID',
    },
  },
  checkAcross({ plans, report }) {
    for (const [key, group] of acrossFiles(plans)) {
      if (!key.startsWith('id:')) continue;
      const files = [...byFile(group)];
      for (const [file, here] of files) {
        const others = files.filter(([f, there]) => f !== file && allDifferent(here, there));
        if (others.length === 0) continue;
        const first = here[0].item;
        const [otherFile, there] = others[0];
        report({
          file,
          messageId: 'duplicate',
          range: first.titleRange,
          data: { id: fullId(first)!, title: displayTitle(first), other: displayTitle(there[0].item), file: fileName(otherFile) },
          related: others.flatMap(([f, occ]) => occ.map((o) => ({ file: f, range: o.item.titleRange, message: `${fullId(o.item)} is "${displayTitle(o.item)}" in ${fileName(f)}` }))),
        });
      }
    }
  },
};
