import { z } from 'zod';
import { lineText } from './text.ts';
import type { Language } from './vault.ts';

/** Controlled vocabularies: stable codes with labels in tg, ru and en. Staff may add terms; built-ins cannot go. */
export const vocabularyKinds = ['violation-type', 'method', 'perpetrator-type', 'characteristic', 'source-type'] as const;
export type VocabularyKind = (typeof vocabularyKinds)[number];

export type Labels = Record<Language, string>;
export interface Term {
  code: string;
  labels: Labels;
}

const t = (code: string, en: string, ru: string, tg: string): Term => ({ code, labels: { en, ru, tg } });

export const builtInTerms: Record<VocabularyKind, readonly Term[]> = {
  'violation-type': [
    t('arbitrary-detention', 'Arbitrary detention', 'Произвольное задержание', 'Боздошти худсарона'),
    t('prolonged-border-detention', 'Prolonged detention at a border', 'Длительное задержание на границе', 'Боздошти тӯлонӣ дар сарҳад'),
    t('inhumane-detention-conditions', 'Inhumane detention conditions', 'Бесчеловечные условия содержания', 'Шароити ғайриинсонии нигоҳдорӣ'),
    t('deprivation-of-food-water', 'Deprivation of food or water', 'Лишение пищи или воды', 'Маҳрум кардан аз ғизо ё об'),
    t('ill-treatment', 'Ill-treatment', 'Жестокое обращение', 'Муносибати бераҳмона'),
    t('torture', 'Torture', 'Пытки', 'Шиканҷа'),
    t('prohibited-methods-document-checks', 'Prohibited methods during document checks', 'Запрещённые методы при проверке документов', 'Усулҳои манъшуда ҳангоми санҷиши ҳуҷҷатҳо'),
    t('expulsion-without-court-decision', 'Expulsion without a court decision', 'Выдворение без решения суда', 'Ихроҷ бе қарори суд'),
    t('public-display-of-detainees', 'Public display of detainees', 'Публичная демонстрация задержанных', 'Намоиши оммавии боздоштшудагон'),
    t('denial-of-access', 'Denial of access', 'Отказ в доступе', 'Рад кардани дастрасӣ'),
    t('discrimination', 'Discrimination', 'Дискриминация', 'Табъиз'),
    t('extortion', 'Extortion', 'Вымогательство', 'Тамаъҷӯӣ'),
    t('other', 'Other', 'Другое', 'Дигар'),
  ],
  method: [
    t('beating', 'Beating', 'Избиение', 'Латукӯб'),
    t('deprivation-of-food', 'Deprivation of food', 'Лишение пищи', 'Маҳрум кардан аз ғизо'),
    t('deprivation-of-sleep', 'Deprivation of sleep', 'Лишение сна', 'Маҳрум кардан аз хоб'),
    t('threats', 'Threats', 'Угрозы', 'Таҳдидҳо'),
    t('humiliation', 'Humiliation', 'Унижение', 'Таҳқир'),
    t('confiscation-of-documents', 'Confiscation of documents', 'Изъятие документов', 'Мусодираи ҳуҷҷатҳо'),
  ],
  'perpetrator-type': [
    t('police', 'Police', 'Полиция', 'Пулис'),
    t('border-service', 'Border service', 'Пограничная служба', 'Хадамоти сарҳадӣ'),
    t('migration-service', 'Migration service', 'Миграционная служба', 'Хадамоти муҳоҷират'),
    t('detention-staff', 'Detention staff', 'Персонал мест содержания', 'Кормандони ҷойҳои нигоҳдорӣ'),
    t('employer', 'Employer', 'Работодатель', 'Корфармо'),
    t('unknown', 'Unknown', 'Неизвестно', 'Номаълум'),
  ],
  characteristic: [
    t('women', 'Women', 'Женщины', 'Занон'),
    t('children', 'Children', 'Дети', 'Кӯдакон'),
    t('elderly', 'Elderly', 'Пожилые', 'Пиронсолон'),
    t('students', 'Students', 'Студенты', 'Донишҷӯён'),
    t('public-sector-employees', 'Public-sector employees', 'Работники бюджетной сферы', 'Кормандони соҳаи буҷетӣ'),
    t('migrant-workers', 'Migrant workers', 'Трудовые мигранты', 'Муҳоҷирони меҳнатӣ'),
    t('persons-with-disabilities', 'Persons with disabilities', 'Лица с инвалидностью', 'Шахсони дорои маъюбӣ'),
  ],
  'source-type': [
    t('social-media-video', 'Social-media video', 'Видео в социальных сетях', 'Видео дар шабакаҳои иҷтимоӣ'),
    t('tv-broadcast', 'TV broadcast', 'Телепередача', 'Барномаи телевизионӣ'),
    t('media-report', 'Media report', 'Сообщение СМИ', 'Хабари ВАО'),
    t('complaint', 'Complaint by the victim or a relative', 'Жалоба пострадавшего или родственника', 'Шикояти ҷабрдида ё хешованд'),
    t('witness-statement', 'Witness statement', 'Показания свидетеля', 'Шаҳодати шоҳид'),
    t('official-statement', 'Official statement', 'Официальное заявление', 'Изҳороти расмӣ'),
    t('letter', 'Letter', 'Письмо', 'Мактуб'),
    t('other', 'Other', 'Другое', 'Дигар'),
  ],
};

/** Codes are lowercase words joined by dashes, stable forever once used. */
export const termCodeSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(64);

const labelsSchema = z.object({ tg: lineText(200).trim().min(1), ru: lineText(200).trim().min(1), en: lineText(200).trim().min(1) }).strict();
export const termSchema = z.object({ code: z.string(), labels: labelsSchema });

export const newTermSchema = z
  .object({
    kind: z.enum(vocabularyKinds),
    code: termCodeSchema,
    labels: labelsSchema,
  })
  .strict();
export type NewTerm = z.infer<typeof newTermSchema>;
