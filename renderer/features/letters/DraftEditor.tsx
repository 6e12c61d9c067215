import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { runsText, type Block, type Doc } from '../../../shared/document/model.ts';

const editableStyles = new Set(['subject', 'salutation', 'body', 'closing', 'annex']);

/**
 * The draft's text as editable blocks: the addressee, heading, salutation, paragraphs and list items. Letterhead,
 * number, signature and executor come from the settings and the registry, so they are not edited here. An edited
 * block becomes plain text (its emphasis is kept until then).
 */
export function DraftEditor({ doc, onChange }: { doc: Doc; onChange(doc: Doc): void }) {
  const { t } = useTranslation();
  const id = useId();
  const replace = (index: number, block: Block) => onChange({ ...doc, blocks: doc.blocks.map((b, i) => (i === index ? block : b)) });
  return (
    <div className="letter-editor">
      {doc.blocks.map((block, index) => {
        const key = `${id}-${index}`;
        if (block.kind === 'addressee') {
          return (
            <span key={key} className="field">
              <label htmlFor={key}>{t('letters.block_addressee')}</label>
              <textarea id={key} rows={block.lines.length + 1} value={block.lines.join('\n')} onChange={(e) => replace(index, { ...block, lines: e.target.value.split('\n').slice(0, 12) })} />
            </span>
          );
        }
        if (block.kind === 'paragraph' && editableStyles.has(block.style)) {
          const text = runsText(block.runs);
          return (
            <span key={key} className="field">
              <label htmlFor={key}>{t(`letters.block_${block.style}`)}</label>
              <textarea id={key} rows={Math.min(8, Math.max(1, Math.ceil(text.length / 40)))} value={text} onChange={(e) => replace(index, { ...block, runs: [{ text: e.target.value }] })} />
            </span>
          );
        }
        if (block.kind === 'list') {
          return (
            <fieldset key={key}>
              <legend>{t('letters.block_list')}</legend>
              {block.items.map((item, itemIndex) => {
                const itemKey = `${key}-${itemIndex}`;
                const text = runsText(item);
                return (
                  <span key={itemKey} className="field">
                    <label htmlFor={itemKey}>{t('letters.item', { n: itemIndex + 1 })}</label>
                    <textarea
                      id={itemKey}
                      rows={Math.min(10, Math.max(1, Math.ceil(text.length / 40)))}
                      value={text}
                      onChange={(e) => replace(index, { ...block, items: block.items.map((it, i) => (i === itemIndex ? [{ text: e.target.value }] : it)) })}
                    />
                  </span>
                );
              })}
            </fieldset>
          );
        }
        return null;
      })}
    </div>
  );
}
