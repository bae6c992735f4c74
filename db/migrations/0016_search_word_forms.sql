-- Listings are now indexed with the forms of their words (spelling variants, Sundanese
-- names and Indonesian stems: src/core/word-forms.ts) and with the words that name their
-- category. Emptying the index makes `npm start` / `npm run db:migrate` rebuild it from
-- the listings (db/local.ts), showing progress; on Turso run `npm run db:migrate` with
-- DATABASE_URL set to it.
DELETE FROM `msme_fts`;
