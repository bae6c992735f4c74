-- Full-text index of published listings (FTS5). Kept in step by db/queries/search-index.ts,
-- which rewrites a listing's row whenever the listing changes. unicode61 folds case and
-- diacritics; prefix indexes make "kerip*" fast.
CREATE VIRTUAL TABLE `msme_fts` USING fts5(
  `name`,
  `description`,
  `products`,
  `place`,
  `category`,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
