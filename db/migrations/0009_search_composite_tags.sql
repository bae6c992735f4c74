-- The index's tags gain composite tokens for common filter pairs (kab3273nibok,
-- katkulinerhalalok, ...; see src/core/search-tags.ts). Emptying the index makes the
-- application rebuild it from the listings with the new tags: `npm start` and
-- `npm run db:migrate` do it when the index is out of step.
DELETE FROM `msme_fts`;
