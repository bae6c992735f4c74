-- When staff matched a listing's halal certificate against BPJPH's register (null: only the
-- owner's word). No listing has one yet, so the search index (tag halalcek) needs no rebuild.
ALTER TABLE `msmes` ADD `halal_verified_at` integer;
