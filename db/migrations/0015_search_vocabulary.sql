-- The words of the full-text index, one row each with how many listings hold it: the
-- search page looks up a mistyped word's neighbours here ("Mungkin maksud Anda").
CREATE VIRTUAL TABLE `msme_fts_vocab` USING fts5vocab(`msme_fts`, 'row');
