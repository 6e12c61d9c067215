import type { Doc } from '../shared/document/model.ts';
import { buildLetter } from '../shared/templates/letters/letter.ts';
import { appeal, incident } from '../test/support/letter-inputs.ts';

const DESCRIPTION =
  'Граждане Республики Таджикистан удерживались на пункте пропуска трое суток без пищи и воды; среди них женщины и дети. Сотрудники отказывались объяснить причины задержания.';

/** An appeal listing `count` incidents (beyond 5 they go to a numbered annex table). */
export const letterOf = (count: number): Doc => buildLetter(appeal(Array.from({ length: count }, (_, i) => incident(i + 1, { description: DESCRIPTION }))));
