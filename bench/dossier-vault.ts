// The dossier bench's vault (bench/dossier.bench.ts): generated records in a FAST_KDF vault, 200 photos taken in
// through the evidence service, and one saved composition per size. Generated data only, in the bench's own temp
// folder, which the bench removes at the end of its run.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { CorrespondenceService } from '../electron/services/correspondence-service.ts';
import { DossierService } from '../electron/services/dossier/dossier-service.ts';
import { EvidenceService } from '../electron/services/evidence/evidence-service.ts';
import { importInBatches } from '../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../electron/services/interchange/json-import.ts';
import { LetterFiles } from '../electron/services/letter-files.ts';
import { LetterService } from '../electron/services/letters/letter-service.ts';
import { vaultSettings } from '../electron/services/vault-service.ts';
import { createVault } from '../electron/store/vault.ts';
import { FAST_KDF } from '../test/support/fast-kdf.ts';

export const BENCH_PASSPHRASE = 'benchmark passphrase 2026';
export const COUNTERPART = 'cp-kz-ombudsman';
export const dossierIdFor = (size: number) => `dossier-bench-${size}`;

/** Photos as cameras and phones make them: 1.2, 1.9 and 3.0 megapixels; every fourth a PNG (a screenshot), the rest JPEG. */
const PHOTO_SIZES = [
  [1280, 960],
  [1600, 1200],
  [2000, 1500],
] as const;

const PLACES = 60;
const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8');

const cities = ['Москва', 'Екатеринбург', 'Новосибирск', 'Самара', 'Казань', 'Алматы', 'Астана', 'Шымкент', 'Ташкент', 'Бишкек'];
const countries = ['RU', 'RU', 'RU', 'RU', 'RU', 'KZ', 'KZ', 'KZ', 'UZ', 'KG'] as const;
const surnames = ['Раҳимов', 'Назаров', 'Шарипов', 'Саидов', 'Қодиров', 'Мирзоев', 'Давлатов', 'Исмоилов', 'Ҳасанов', 'Юсупов'];
const given = ['Ҷамшед', 'Фаррух', 'Сино', 'Умед', 'Далер', 'Бахтиёр', 'Шаҳноза', 'Мадина', 'Нилуфар', 'Зарина'];
const violations = ['arbitrary-detention', 'prolonged-border-detention', 'inhumane-detention-conditions', 'deprivation-of-food-water', 'ill-treatment', 'expulsion-without-court-decision', 'denial-of-access', 'extortion'];
const methods = ['beating', 'deprivation-of-food', 'deprivation-of-sleep', 'threats', 'humiliation', 'confiscation-of-documents'];
const perpetrators = ['police', 'border-service', 'migration-service', 'detention-staff', 'employer'];
const sourceTypes = ['complaint', 'witness-statement', 'media-report', 'social-media-video', 'official-statement'];
const reliabilities = ['confirmed', 'probable', 'unverified'];
const statuses = ['documented', 'raised', 'answered', 'closed'];
const of = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** A description of the length staff write (four to eight sentences), varied per incident. */
function description(i: number, place: string): string {
  const sentences = [
    `По сообщению родственников, ${2 + (i % 30)} граждан Республики Таджикистан были задержаны в районе «${place}» без объяснения причин.`,
    'Задержанным не разъяснили их права, им отказали в звонке родственникам и в помощи переводчика.',
    `В течение ${1 + (i % 6)} суток их удерживали в помещении без окон, питание выдавалось один раз в день, воды не хватало.`,
    'Сотрудники изъяли паспорта и миграционные карты и не выдали протокол изъятия.',
    'Среди задержанных были женщины, один из них — несовершеннолетний, которому не была оказана медицинская помощь.',
    'Консульское учреждение узнало о задержании только через несколько дней из публикаций в социальных сетях.',
    'Часть задержанных была выдворена без решения суда; остальные отпущены после уплаты «штрафа» без квитанции.',
    'Пострадавшие готовы дать показания и передали фотографии следов побоев.',
  ];
  return Array.from({ length: 4 + (i % 5) }, (_, k) => sentences[(i + k * 3) % sentences.length]!).join(' ');
}

/**
 * The interchange file: `count` incidents over 60 places, each with one to three victims (every third person an
 * individual whose identity is withheld, with birth date and contact; groups with consent), one to three sources
 * with reliability; every third incident written in Tajik with a Russian translation. One letter to the
 * counterpart raises ten incidents at a time, every third of them answered.
 */
function generatedRecords(count: number): string {
  const places = Array.from({ length: PLACES }, (_, i) => ({
    id: `pl-${i}`,
    name: i % 3 === 0 ? `КПП «${of(cities, i)}-${i}»` : `${of(cities, i)}, отдел полиции № ${i}`,
    kind: i % 3 === 0 ? 'border-crossing' : 'detention-facility',
    country: of(countries, i),
  }));
  const persons: object[] = [];
  const incidents = Array.from({ length: count }, (_, i) => {
    const victimIds = Array.from({ length: 1 + (i % 3) }, (_, k) => {
      const n = persons.length;
      const id = `ps-${n}`;
      if (n % 5 === 4) {
        persons.push({ id, kind: 'group', name: `${3 + (n % 40)} муҳоҷирони меҳнатӣ`, count: 3 + (n % 40), citizenship: 'TJ', characteristics: ['migrant-workers', ...(n % 2 ? ['women'] : []), ...(n % 3 ? [] : ['children'])], disclosure: 'consented' });
      } else {
        const year = 1950 + (n % 58); // some minors, some elderly
        persons.push({
          id,
          kind: 'individual',
          name: `${of(surnames, n + k)} ${of(given, n * 7)}`,
          nameLatin: `Person ${n}`,
          birthDate: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
          citizenship: 'TJ',
          characteristics: ['migrant-workers', ...(n % 4 === 1 ? ['women'] : [])],
          ...(n % 3 === 0 ? { contact: `+992 90 ${String(100 + (n % 900))} ${String(10 + (n % 90))} ${String(10 + (n % 89))}`, disclosure: 'withheld' } : { disclosure: 'consented' }),
        });
      }
      return id;
    });
    const day = new Date(Date.UTC(2023, 0, 1) + ((i * 7) % 900) * 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.UTC(2023, 0, 1) + (((i * 7) % 900) + (i % 6)) * 86_400_000).toISOString().slice(0, 10);
    const place = places[i % PLACES]!;
    const title = `Задержание граждан Таджикистана: ${place.name}, № ${i + 1}`;
    const texts =
      i % 3 === 0
        ? { originalLanguage: 'tg', title: `Боздошти шаҳрвандони Тоҷикистон: ${place.name}, № ${i + 1}`, description: `Шаҳрвандони Тоҷикистон, аз ҷумла занон ва кӯдакон, ${1 + (i % 6)} рӯз бе ғизо нигоҳ дошта шуданд.`, translations: { ru: { title, description: description(i, place.name) } } }
        : { originalLanguage: 'ru', title, description: description(i, place.name) };
    return {
      id: `in-${i}`,
      ...texts,
      startDate: day,
      endDate: end,
      datePrecision: i % 10 === 9 ? 'month' : 'day',
      placeId: place.id,
      violationTypes: [of(violations, i), of(violations, i + 3)],
      methods: [of(methods, i)],
      perpetratorType: of(perpetrators, i),
      victimIds,
      sources: Array.from({ length: 1 + (i % 3) }, (_, k) => ({ type: of(sourceTypes, i + k), reference: k === 1 ? `https://news.example.org/2024/${i}/${k}` : `Жалоба от ${day}, вх. № ${1000 + i}`, date: day, reliability: of(reliabilities, i + k) })),
      confidentiality: 'confidential',
      status: of(statuses, i),
    };
  });
  const letters = Array.from({ length: Math.ceil(count / 10) }, (_, j) => {
    const date = new Date(Date.UTC(2024, 0, 10) + j * 3 * 86_400_000).toISOString().slice(0, 10);
    const sent = { id: `out-bench-${j}`, direction: 'outgoing', number: `01-14/${500 + j}`, date, counterpartId: COUNTERPART, subject: `О нарушении прав граждан Республики Таджикистан (${10 * j + 1}–${10 * j + 10})`, incidentIds: Array.from({ length: Math.min(10, count - 10 * j) }, (_, k) => `in-${10 * j + k}`), deliveryChannel: 'diplomatic' };
    const replyDate = new Date(Date.UTC(2024, 0, 10) + (j * 3 + 25) * 86_400_000).toISOString().slice(0, 10);
    return j % 3 === 0 ? [sent, { id: `in-bench-${j}`, direction: 'incoming', number: `4/7-${3000 + j}`, date: replyDate, counterpartId: COUNTERPART, subject: `Ответ на № ${sent.number}`, incidentIds: [], inReplyTo: sent.id, response: 'token-response' }] : [sent];
  }).flat();
  return JSON.stringify({ format: 'ombuds-dossier/2', places, persons, counterparts: [], incidents, letters });
}

/** A photo's pixels: a gradient with a pattern and noise, so it compresses as a photo does (not as a flat colour). */
function photoBytes(index: number): Promise<Buffer> {
  const [width, height] = of(PHOTO_SIZES, index);
  const raw = Buffer.alloc(width * height * 3);
  let seed = index * 2_654_435_761;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      seed = (seed * 1_103_515_245 + 12_345) >>> 0;
      const noise = (seed >>> 24) / 16;
      const at = (y * width + x) * 3;
      raw[at] = ((x * 255) / width + index * 13 + noise) & 0xff;
      raw[at + 1] = ((y * 255) / height + ((x >> 5) ^ (y >> 5)) * 4 + noise) & 0xff;
      raw[at + 2] = (((x + y) * 128) / (width + height) + index * 7 + noise) & 0xff;
    }
  }
  const image = sharp(raw, { raw: { width, height, channels: 3 } });
  return (index % 4 === 3 ? image.png() : image.jpeg({ quality: 85 })).toBuffer();
}

export interface BenchVault {
  vaultDir: string;
  /** Bytes of the 200 photos as taken in. */
  photoBytes: number;
}

/**
 * Makes the vault in `scratch/vault`: the scenario (its two incidents, the counterpart and its register of 11 letters, the office's letterhead), `largest`
 * generated incidents with their letters, `images` photos taken in through the evidence service from files (as staff
 * pick them), two on each of the first incidents so every size holds them all, and one Russian composition per size
 * over the first `size` incidents, every section but the letters annex.
 */
export async function makeBenchVault(scratch: string, sizes: readonly number[], images: number): Promise<BenchVault> {
  const vaultDir = join(scratch, 'vault');
  const { vault } = await createVault(vaultDir, BENCH_PASSPHRASE, { actor: 'bench', kdf: FAST_KDF });
  try {
    const store = () => vault.db;
    for (const text of [fixture('border-detention.json'), fixture('kz-ombudsman-letters.json'), generatedRecords(Math.max(...sizes))]) {
      await importInBatches(vault.db, parseInterchange(vault.db, text), 'bench');
    }
    new LetterService(store, new CorrespondenceService(store, 'bench'), new LetterFiles(store, () => 2 ** 31, 'bench'), 'bench').saveOffice(JSON.parse(fixture('office.json')));
    const evidence = new EvidenceService(store, () => vaultSettings(vault), 'bench');
    let photoTotal = 0;
    for (let i = 0; i < images; i += 1) {
      const bytes = await photoBytes(i);
      photoTotal += bytes.length;
      const path = join(scratch, `photo-${i}.${i % 4 === 3 ? 'png' : 'jpg'}`);
      writeFileSync(path, bytes);
      evidence.add(`in-${Math.floor(i / 2)}`, [path]);
      rmSync(path);
    }
    const dossiers = new DossierService(store, 'bench');
    for (const size of sizes) {
      dossiers.save({
        id: dossierIdFor(size),
        title: `Встреча с Уполномоченным по правам человека в Республике Казахстан (${size})`,
        meeting: { with: 'Уполномоченный по правам человека в Республике Казахстан', place: 'Астана', date: '2026-12-10' },
        counterpartIds: [COUNTERPART],
        language: 'ru',
        classification: 'Для служебного пользования',
        selection: { kind: 'incidents', incidentIds: Array.from({ length: size }, (_, i) => `in-${i}`) },
        notes: { foreword: 'Настоящий материал подготовлен к встрече и содержит сведения о нарушениях прав граждан Республики Таджикистан.', talkingPoints: '', requests: '' },
      });
    }
    return { vaultDir, photoBytes: photoTotal };
  } finally {
    vault.close();
  }
}
