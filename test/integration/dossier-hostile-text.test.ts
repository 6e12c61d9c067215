import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DossierService } from '../../electron/services/dossier/dossier-service.ts';
import { renderDossierFiles } from '../../electron/services/dossier/dossier-render.ts';
import { fingerprintOf } from '../../electron/services/letters/letter-registration.ts';
import { RecordsService } from '../../electron/services/records-service.ts';
import { getIncident } from '../../electron/store/repositories/incident-repository.ts';
import { DOSSIER_DAY, kzMeeting, scenarioVault } from '../support/dossier-scenario.ts';
import { docxParts, libreOfficePdfs, pageCount, pdfText, qpdfCheck, wordBoxes, writeTemp } from '../support/documents.ts';
import { tempDir } from '../support/temp.ts';

/** Text a hostile or careless hand may type: markup and template syntax, emoji, right-to-left script, bidi controls. */
const MARKUP = '<script>alert("x")</script> & {{title}} \\\\ ${x} </w:t> ]]>';
const EMOJI = '🙂 👍🏽';
const RTL = 'مرحبا — שלום';
const BIDI = 'a\u202Eevil\u202Cb \u2066iso\u2069 \u200Fmark';
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** An XML part is well-formed when Python's strict parser reads it (a system tool, as poppler and qpdf are). */
function malformedParts(parts: Map<string, string>): string[] {
  const xml = [...parts.entries()].filter(([name]) => /\.(xml|rels)$/.test(name));
  const script = 'import sys, json, xml.etree.ElementTree as ET\nbad = []\nfor name, text in json.load(sys.stdin):\n    try: ET.fromstring(text.encode("utf-8"))\n    except ET.ParseError as e: bad.append(name + ": " + str(e))\nprint(json.dumps(bad))';
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify(xml), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[];
}

describe('a dossier of hostile text', () => {
  it('markup, emoji, RTL script and bidi controls in the title, meeting, notes and records build into a PDF and DOCX that read back and convert', async () => {
    const vault = await scenarioVault(tempDir());
    const store = () => vault.db;
    const moscow = getIncident(vault.db, 'in-moscow-2024-10')!;
    new RecordsService(store, 'clerk').saveIncident({ ...moscow, title: `${MARKUP} ${EMOJI}`, description: [MARKUP, EMOJI, RTL, BIDI].join('\n') });
    const dossiers = new DossierService(store, 'clerk');
    dossiers.save(
      kzMeeting({
        title: `${MARKUP} ${RTL} ${BIDI} ${EMOJI}`,
        meeting: { with: `${RTL} ${BIDI}`, place: EMOJI, date: '2026-12-10' },
        classification: `${MARKUP}`.slice(0, 60),
        notes: { foreword: `${MARKUP}\n${RTL}`, talkingPoints: `${EMOJI}\n${BIDI}`, requests: MARKUP },
      }),
    );
    const built = await dossiers.build('dossier-kz', DOSSIER_DAY);
    const files = await renderDossierFiles(built.doc, fingerprintOf(built.doc));
    vault.close();

    // PDF: valid, and pdftotext reads the markup back verbatim (never interpreted or escaped), the bidi controls gone
    // (the text reads in its stored order: no reversed run), and what the font cannot draw as one «?» per character.
    const pdf = writeTemp('hostile.pdf', files.pdf);
    expect(qpdfCheck(pdf).status).toBe(0);
    const text = pdfText(pdf);
    expect(text.split(MARKUP).length - 1).toBeGreaterThanOrEqual(4); // title, cover, foreword, requests, the sheet
    expect(text).toContain('aevilb iso mark');
    expect(text).not.toMatch(BIDI_CONTROLS);
    expect(text).toContain('????? — ????'); // RTL script PT Serif lacks: one «?» per letter, never an empty box
    expect(text).not.toContain('&lt;');
    // Layout holds: every word of every page stands within the page.
    for (let page = 1; page <= pageCount(pdf); page += 1) {
      for (const word of wordBoxes(pdf, page)) {
        expect(word.xMin, word.word).toBeGreaterThanOrEqual(0);
        expect(word.xMax, word.word).toBeLessThanOrEqual(595.3);
        expect(word.yMax, word.word).toBeLessThanOrEqual(842);
      }
    }

    // DOCX: every XML part well-formed, the markup escaped once (as XML text), no bidi control, and LibreOffice converts it.
    const parts = await docxParts(files.docx);
    expect(malformedParts(parts)).toEqual([]);
    const body = parts.get('word/document.xml')!;
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {{title}} \\\\ ${x} &lt;/w:t&gt; ]]&gt;';
    expect(body.split(escaped).length - 1, 'the markup as XML text').toBeGreaterThanOrEqual(4);
    expect(body.includes('<script>'), 'raw markup').toBe(false);
    expect(BIDI_CONTROLS.test(body), 'a bidi control').toBe(false);
    const [converted] = libreOfficePdfs(writeTemp('hostile.docx', files.docx));
    const convertedText = pdfText(converted!);
    expect(convertedText).toContain('<script>alert("x")</script> & {{title}}');
    expect(convertedText).toContain('aevilb iso mark');
  });
});
