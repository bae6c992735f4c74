-- The full-text index gains a `tags` column: filter values as single tokens (kab3273,
-- katkuliner, nibok, ...) so a keyword search with filters is answered inside FTS5.
-- The index is rebuilt from the listings by the application (db/queries/search-index.ts);
-- `npm start` and `npm run db:migrate` do it when the index is out of step.
DROP TABLE IF EXISTS `msme_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `msme_fts` USING fts5(
  `name`,
  `description`,
  `products`,
  `place`,
  `category`,
  `tags`,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
