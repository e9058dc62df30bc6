// `compact completeness`: per agreement, the facts known and null, provisions from the text against those from
// reports, and whether the text is at hand.
import { completenessReport } from '../../core/completeness.js';
import { textsAtHand } from '../../data/texts-at-hand.js';
import { readRegistry } from '../../store/registry-store.js';
import { type Command, json, table } from '../command.js';
import { dataDir, storeOptions, withStore } from '../context.js';

export const completenessCommand: Command = {
  name: ['completeness'],
  summary: 'how complete each agreement record is: fields known/null, provisions primary/secondary, text at hand',
  help: `Usage: compact completeness [--json]

For every agreement: how many of its facts are known and which are null (docs/data-format.md lists them;
'unknown' classes count as null), how many provisions were coded from the text (evidence primary) and how many
from reports (secondary), and whether its text is at hand in data/texts. The grade (complete, partial, thin)
weighs the three equally.
Example: compact completeness --json`,
  options: { ...storeOptions, json: { type: 'boolean' } },
  async run({ values }, io) {
    const texts = await textsAtHand(dataDir(values, io));
    return withStore(values, io, async (db) => {
      const r = completenessReport((await readRegistry(db)).agreements, texts);
      if (values.json) {
        io.out(json(r));
        return 0;
      }
      const rows = r.agreements.map((c) => ({
        agreement: c.id,
        grade: c.grade,
        fields: `${c.fields.known}/${c.fields.total}`,
        provisions: `${c.provisions.primary} text + ${c.provisions.secondary} reports`,
        text: c.text.at_hand ? c.text.at_hand_file : c.text.available ? 'coded, file not here' : 'not at hand',
        null: c.fields.nulls.join(','),
      }));
      const t = r.totals;
      io.out(
        [
          table(rows, Object.keys(rows[0] ?? { agreement: '' })),
          '',
          `${t.agreements} agreements: ${t.by_grade.complete} complete, ${t.by_grade.partial} partial, ${t.by_grade.thin} thin; ` +
            `fields ${t.fields_known} known, ${t.fields_null} null; provisions ${t.provisions_primary} from the text, ` +
            `${t.provisions_secondary} from reports; texts at hand ${t.texts_at_hand}`,
        ].join('\n'),
      );
      return 0;
    });
  },
};
