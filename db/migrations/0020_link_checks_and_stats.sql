CREATE TABLE `link_check_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	`visited` integer NOT NULL,
	`found` text NOT NULL,
	`total_links` integer NOT NULL,
	`checked_links` integer NOT NULL,
	`alive_links` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stats_monthly` (
	`regency_code` text NOT NULL,
	`district_code` text NOT NULL,
	`month` text NOT NULL,
	`published` integer DEFAULT 0 NOT NULL,
	`marketplace` integer DEFAULT 0 NOT NULL,
	`verified` integer DEFAULT 0 NOT NULL,
	`juara` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`regency_code`, `district_code`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `store_links` ADD `checked_at` integer;--> statement-breakpoint
ALTER TABLE `store_links` ADD `check_state` text;--> statement-breakpoint
ALTER TABLE `store_links` ADD `check_detail` text;--> statement-breakpoint
ALTER TABLE `store_links` ADD `failing_since` integer;--> statement-breakpoint
ALTER TABLE `store_links` ADD `moved_to` text;--> statement-breakpoint
ALTER TABLE `store_links` ADD `next_check_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `store_links_next_check_idx` ON `store_links` (`next_check_at`);--> statement-breakpoint
CREATE INDEX `store_links_check_state_idx` ON `store_links` (`check_state`,`checked_at`) WHERE "store_links"."check_state" IN ('moved', 'suspect', 'gone');
--> statement-breakpoint
-- /statistik's counts (db/queries/stats.ts): published listings per kecamatan and month of
-- publication, kept by triggers on msmes. "On a marketplace" reads the listing's platforms
-- (kept from store_links by the facet_links_* triggers, migration 0017) against the
-- platforms of kind "marketplace" in content/platforms.json when this was written: a
-- platform that changes kind needs a migration that writes these triggers again. The
-- triggers are named facet_* so a bulk load drops them with the others and fills the
-- table again at the end (refillStatsMonthly, the same SELECT as below).
INSERT INTO `stats_monthly` (`regency_code`, `district_code`, `month`, `published`, `marketplace`, `verified`, `juara`)
  SELECT m.`regency_code`, m.`district_code`, strftime('%Y-%m', coalesce(m.`published_at`, m.`created_at`) / 1000, 'unixepoch', '+7 hours'), count(*), sum((instr(',' || m.`platforms` || ',', ',tokopedia,') > 0 OR instr(',' || m.`platforms` || ',', ',shopee,') > 0 OR instr(',' || m.`platforms` || ',', ',tiktok,') > 0 OR instr(',' || m.`platforms` || ',', ',lazada,') > 0 OR instr(',' || m.`platforms` || ',', ',blibli,') > 0 OR instr(',' || m.`platforms` || ',', ',bukalapak,') > 0)), sum(m.`nib_verified_at` IS NOT NULL), sum(m.`is_juara` = 1)
  FROM `msmes` m WHERE m.`status` = 'published' GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `facet_stats_insert` AFTER INSERT ON `msmes` WHEN NEW.`status` = 'published' BEGIN
  INSERT INTO `stats_monthly` (`regency_code`, `district_code`, `month`, `published`, `marketplace`, `verified`, `juara`)
    VALUES (NEW.`regency_code`, NEW.`district_code`, strftime('%Y-%m', coalesce(NEW.`published_at`, NEW.`created_at`) / 1000, 'unixepoch', '+7 hours'), 1, (instr(',' || NEW.`platforms` || ',', ',tokopedia,') > 0 OR instr(',' || NEW.`platforms` || ',', ',shopee,') > 0 OR instr(',' || NEW.`platforms` || ',', ',tiktok,') > 0 OR instr(',' || NEW.`platforms` || ',', ',lazada,') > 0 OR instr(',' || NEW.`platforms` || ',', ',blibli,') > 0 OR instr(',' || NEW.`platforms` || ',', ',bukalapak,') > 0), NEW.`nib_verified_at` IS NOT NULL, NEW.`is_juara` = 1)
    ON CONFLICT DO UPDATE SET `published` = `published` + 1, `marketplace` = `marketplace` + excluded.`marketplace`, `verified` = `verified` + excluded.`verified`, `juara` = `juara` + excluded.`juara`;
END;
--> statement-breakpoint
CREATE TRIGGER `facet_stats_delete` AFTER DELETE ON `msmes` WHEN OLD.`status` = 'published' BEGIN
  UPDATE `stats_monthly` SET `published` = `published` - 1, `marketplace` = `marketplace` - (instr(',' || OLD.`platforms` || ',', ',tokopedia,') > 0 OR instr(',' || OLD.`platforms` || ',', ',shopee,') > 0 OR instr(',' || OLD.`platforms` || ',', ',tiktok,') > 0 OR instr(',' || OLD.`platforms` || ',', ',lazada,') > 0 OR instr(',' || OLD.`platforms` || ',', ',blibli,') > 0 OR instr(',' || OLD.`platforms` || ',', ',bukalapak,') > 0), `verified` = `verified` - (OLD.`nib_verified_at` IS NOT NULL), `juara` = `juara` - (OLD.`is_juara` = 1)
    WHERE `regency_code` = OLD.`regency_code` AND `district_code` = OLD.`district_code` AND `month` = strftime('%Y-%m', coalesce(OLD.`published_at`, OLD.`created_at`) / 1000, 'unixepoch', '+7 hours');
END;
--> statement-breakpoint
CREATE TRIGGER `facet_stats_update` AFTER UPDATE OF `status`, `regency_code`, `district_code`, `published_at`, `nib_verified_at`, `is_juara`, `platforms` ON `msmes`
  WHEN (OLD.`status` = 'published' OR NEW.`status` = 'published') AND (OLD.`status` IS NOT NEW.`status` OR OLD.`regency_code` IS NOT NEW.`regency_code` OR OLD.`district_code` IS NOT NEW.`district_code` OR OLD.`published_at` IS NOT NEW.`published_at` OR OLD.`is_juara` IS NOT NEW.`is_juara` OR OLD.`platforms` IS NOT NEW.`platforms` OR (OLD.`nib_verified_at` IS NULL) <> (NEW.`nib_verified_at` IS NULL)) BEGIN
  UPDATE `stats_monthly` SET `published` = `published` - 1, `marketplace` = `marketplace` - (instr(',' || OLD.`platforms` || ',', ',tokopedia,') > 0 OR instr(',' || OLD.`platforms` || ',', ',shopee,') > 0 OR instr(',' || OLD.`platforms` || ',', ',tiktok,') > 0 OR instr(',' || OLD.`platforms` || ',', ',lazada,') > 0 OR instr(',' || OLD.`platforms` || ',', ',blibli,') > 0 OR instr(',' || OLD.`platforms` || ',', ',bukalapak,') > 0), `verified` = `verified` - (OLD.`nib_verified_at` IS NOT NULL), `juara` = `juara` - (OLD.`is_juara` = 1)
    WHERE `regency_code` = OLD.`regency_code` AND `district_code` = OLD.`district_code` AND `month` = strftime('%Y-%m', coalesce(OLD.`published_at`, OLD.`created_at`) / 1000, 'unixepoch', '+7 hours') AND OLD.`status` = 'published';
  INSERT INTO `stats_monthly` (`regency_code`, `district_code`, `month`, `published`, `marketplace`, `verified`, `juara`)
    SELECT NEW.`regency_code`, NEW.`district_code`, strftime('%Y-%m', coalesce(NEW.`published_at`, NEW.`created_at`) / 1000, 'unixepoch', '+7 hours'), 1, (instr(',' || NEW.`platforms` || ',', ',tokopedia,') > 0 OR instr(',' || NEW.`platforms` || ',', ',shopee,') > 0 OR instr(',' || NEW.`platforms` || ',', ',tiktok,') > 0 OR instr(',' || NEW.`platforms` || ',', ',lazada,') > 0 OR instr(',' || NEW.`platforms` || ',', ',blibli,') > 0 OR instr(',' || NEW.`platforms` || ',', ',bukalapak,') > 0), NEW.`nib_verified_at` IS NOT NULL, NEW.`is_juara` = 1 WHERE NEW.`status` = 'published'
    ON CONFLICT DO UPDATE SET `published` = `published` + 1, `marketplace` = `marketplace` + excluded.`marketplace`, `verified` = `verified` + excluded.`verified`, `juara` = `juara` + excluded.`juara`;
END;
