import { describe, expect, it } from 'vitest';
import { migrate, migrations, schemaVersion } from '../../../electron/store/migrate.ts';
import { getIncident } from '../../../electron/store/repositories/incident-repository.ts';
import { getLetter } from '../../../electron/store/repositories/letter-repository.ts';
import { getPlace } from '../../../electron/store/repositories/place-repository.ts';
import { dump, storeAt } from './seed.ts';

describe('0007 → 0008: languages the records evidently are in, and reply deadlines of imported letters', () => {
  it('files a Tajik-written incident and place as Tajik, leaves Russian and translated rows alone, and gives deadline-less outgoing letters their term', () => {
    const db = storeAt(7);
    db.exec(`
      INSERT INTO place (id, name, kind, country) VALUES ('place-tg', 'Гузаргоҳи сарҳадии Фотех', 'border-crossing', 'TJ');
      INSERT INTO incident (id, title, description, start_date, date_precision, confidentiality, status)
        VALUES ('inc-tg', 'Боздошти шаҳрвандон дар гузаргоҳ', 'Шаҳрвандони Тоҷикистон чор рӯз бе ғизо нигоҳ дошта шуданд.', '2024-03-11', 'day', 'internal', 'documented'),
               ('inc-tg-translated', 'Боздошти шаҳрвандон дар гузаргоҳ', '', '2024-03-11', 'day', 'internal', 'documented');
      UPDATE incident SET translations = '{"en":{"title":"Detention"}}' WHERE id = 'inc-tg-translated';
      INSERT INTO letter (id, direction, number, date, counterpart_id, subject, delivery_channel)
        VALUES ('out-old-1', 'outgoing', '01-12/3', '2024-06-03', 'cp-1', 'Без срока', 'post'),
               ('out-old-2', 'outgoing', '01-12/4', '2024-03-15', 'cp-2', 'Без срока', 'email');
    `);
    const before = dump(db);
    expect(migrate(db, migrations.slice(0, 8))).toEqual({ from: 7, to: 8 });
    expect(schemaVersion(db)).toBe(8);

    expect(getIncident(db, 'inc-tg')).toMatchObject({ originalLanguage: 'tg' });
    expect(getPlace(db, 'place-tg')).toMatchObject({ originalLanguage: 'tg' });
    // Russian text stays Russian; a row staff translated keeps the language they gave it.
    expect(getIncident(db, 'inc-1')).toMatchObject({ originalLanguage: 'ru' });
    expect(getPlace(db, 'place-1')).toMatchObject({ originalLanguage: 'ru' });
    expect(getIncident(db, 'inc-tg-translated')).toMatchObject({ originalLanguage: 'ru' });

    // cp-1 answers in 30 calendar days: 03.06.2024 + 30 = 03.07.2024, a Wednesday.
    expect(getLetter(db, 'out-old-1')?.expectedReplyBy).toBe('2024-07-03');
    // cp-2 in 20 working days from Friday 15.03.2024 with the office's stored calendar (its days off: 1 Jan, 8 Mar
    // and 10.04.2024): 18.03 is the first, 12.04 the 19th, Monday 15.04 the 20th.
    expect(getLetter(db, 'out-old-2')?.expectedReplyBy).toBe('2024-04-15');
    // A deadline already set, and incoming letters, are as they were.
    expect(getLetter(db, 'out-1')?.expectedReplyBy).toBe('2024-04-09');
    expect(getLetter(db, 'in-1')?.expectedReplyBy).toBeUndefined();

    // Nothing else changed.
    const after = dump(db);
    for (const table of Object.keys(before)) expect(after[table]!.length, table).toBe(before[table]!.length);
    db.close();
  });
});
