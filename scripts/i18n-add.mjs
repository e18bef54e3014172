// Adds or updates interface messages in one quick step: `node scripts/i18n-add.mjs messages.json`, where the
// file maps each key to {"en": "...", "qqq": "...", "ar": "...", …}. Keys keep their order; new ones are
// appended. Translators' documentation (qqq) is required for every new key.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// Several people (or scripts) may add messages at once: take a lock folder so no write loses another's keys.
const lockDir = path.join(root, 'i18n', '.lock');
for (let tries = 0; ; tries++) {
  try {
    fs.mkdirSync(lockDir);
    break;
  } catch {
    if (tries > 200) throw new Error(`i18n is locked: remove ${lockDir} if no other i18n-add is running`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}
process.on('exit', () => fs.rmSync(lockDir, { recursive: true, force: true }));
const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const files = new Map();
const load = (lang) => {
  if (!files.has(lang)) {
    const file = path.join(root, 'i18n', `${lang}.json`);
    files.set(
      lang,
      fs.existsSync(file)
        ? JSON.parse(fs.readFileSync(file, 'utf8'))
        : { '@metadata': { authors: ['LDN platform contributors'] } },
    );
  }
  return files.get(lang);
};
for (const [key, texts] of Object.entries(input)) {
  if (!texts.en) throw new Error(`${key}: no English text`);
  if (!texts.qqq && !(key in load('qqq'))) throw new Error(`${key}: no qqq documentation`);
  for (const [lang, text] of Object.entries(texts)) load(lang)[key] = text;
}
for (const [lang, messages] of files) {
  fs.writeFileSync(path.join(root, 'i18n', `${lang}.json`), `${JSON.stringify(messages, null, 2)}\n`);
}
console.log(`updated ${Object.keys(input).length} messages in ${[...files.keys()].join(', ')}`);
