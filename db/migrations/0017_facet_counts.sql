-- Filter counts kept as listings change (db/queries/facets.ts reads them): one row per
-- category, kecamatan (and one per kabupaten/kota, kecamatan ''), verified NIB and halal certificate, for the listings themselves
-- (platform '') and for those with a store on each platform; and each listing's platforms
-- as one column, so a keyword search's counts read everything from one covering index.
-- Triggers keep both on every change of a published listing's status or filter fields
-- and of its store links; a bulk load (db/seed/insert.ts) drops the facet_* triggers and
-- fills both again at the end (refillFacetCounts).
CREATE TABLE `facet_counts` (
	`platform` text NOT NULL,
	`category` text NOT NULL,
	`regency_code` text NOT NULL,
	`district_code` text NOT NULL,
	`verified` integer NOT NULL,
	`halal` integer NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`platform`, `district_code`, `category`, `regency_code`, `verified`, `halal`)
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `msmes` ADD `platforms` text DEFAULT '' NOT NULL;
--> statement-breakpoint
CREATE INDEX `store_links_msme_platform_idx` ON `store_links` (`msme_id`,`platform`);
--> statement-breakpoint
UPDATE `msmes` SET `platforms` = coalesce((SELECT group_concat(`platform`) FROM (SELECT DISTINCT `platform` FROM `store_links` WHERE `msme_id` = `msmes`.`id` ORDER BY `platform`)), '');
--> statement-breakpoint
CREATE INDEX `msmes_facet_idx` ON `msmes` (`id`,`status`,`category`,`regency_code`,`district_code`,`nib_verified_at`,`halal_number`,`platforms`);
--> statement-breakpoint
INSERT INTO `facet_counts` (`platform`, `category`, `regency_code`, `district_code`, `verified`, `halal`, `n`)
  SELECT '', m.`category`, m.`regency_code`, m.`district_code`, m.`nib_verified_at` IS NOT NULL, m.`halal_number` IS NOT NULL, count(*) FROM `msmes` m WHERE m.`status` = 'published' GROUP BY 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO `facet_counts` (`platform`, `category`, `regency_code`, `district_code`, `verified`, `halal`, `n`)
  SELECT '', m.`category`, m.`regency_code`, '', m.`nib_verified_at` IS NOT NULL, m.`halal_number` IS NOT NULL, count(*) FROM `msmes` m WHERE m.`status` = 'published' GROUP BY 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO `facet_counts` (`platform`, `category`, `regency_code`, `district_code`, `verified`, `halal`, `n`)
  SELECT s.`platform`, m.`category`, m.`regency_code`, m.`district_code`, m.`nib_verified_at` IS NOT NULL, m.`halal_number` IS NOT NULL, count(DISTINCT m.`id`)
  FROM `msmes` m JOIN `store_links` s ON s.`msme_id` = m.`id` WHERE m.`status` = 'published' GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO `facet_counts` (`platform`, `category`, `regency_code`, `district_code`, `verified`, `halal`, `n`)
  SELECT s.`platform`, m.`category`, m.`regency_code`, '', m.`nib_verified_at` IS NOT NULL, m.`halal_number` IS NOT NULL, count(DISTINCT m.`id`)
  FROM `msmes` m JOIN `store_links` s ON s.`msme_id` = m.`id` WHERE m.`status` = 'published' GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
CREATE TRIGGER `facet_msmes_insert` AFTER INSERT ON `msmes` WHEN NEW.`status` = 'published' BEGIN
  INSERT INTO `facet_counts` (`platform`, `category`, `regency_code`, `district_code`, `verified`, `halal`, `n`)
    SELECT p.`platform`, NEW.`category`, NEW.`regency_code`, l.`d`, NEW.`nib_verified_at` IS NOT NULL, NEW.`halal_number` IS NOT NULL, 1 FROM (SELECT '' AS `platform` UNION SELECT `platform` FROM `store_links` WHERE `msme_id` = NEW.`id`) p,
      (SELECT NEW.`district_code` AS `d` UNION ALL SELECT '') l WHERE true
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `facet_msmes_delete` AFTER DELETE ON `msmes` WHEN OLD.`status` = 'published' BEGIN
  UPDATE `facet_counts` SET `n` = `n` - 1
    WHERE (`platform` = '' OR `platform` IN (SELECT `platform` FROM `store_links` WHERE `msme_id` = OLD.`id`)) AND `category` = OLD.`category` AND `regency_code` = OLD.`regency_code` AND `district_code` IN (OLD.`district_code`, '') AND `verified` = (OLD.`nib_verified_at` IS NOT NULL) AND `halal` = (OLD.`halal_number` IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `facet_msmes_update` AFTER UPDATE OF `status`, `category`, `regency_code`, `district_code`, `nib_verified_at`, `halal_number` ON `msmes`
  WHEN (OLD.`status` = 'published' OR NEW.`status` = 'published') AND (OLD.`status` IS NOT NEW.`status` OR OLD.`category` IS NOT NEW.`category` OR OLD.`regency_code` IS NOT NEW.`regency_code` OR OLD.`district_code` IS NOT NEW.`district_code` OR (OLD.`nib_verified_at` IS NULL) <> (NEW.`nib_verified_at` IS NULL) OR (OLD.`halal_number` IS NULL) <> (NEW.`halal_number` IS NULL)) BEGIN
  UPDATE `facet_counts` SET `n` = `n` - 1
    WHERE (`platform` = '' OR `platform` IN (SELECT `platform` FROM `store_links` WHERE `msme_id` = OLD.`id`)) AND OLD.`status` = 'published' AND `category` = OLD.`category` AND `regency_code` = OLD.`regency_code` AND `district_code` IN (OLD.`district_code`, '') AND `verified` = (OLD.`nib_verified_at` IS NOT NULL) AND `halal` = (OLD.`halal_number` IS NOT NULL);
  INSERT INTO `facet_counts` (`platform`, `category`, `regency_code`, `district_code`, `verified`, `halal`, `n`)
    SELECT p.`platform`, NEW.`category`, NEW.`regency_code`, l.`d`, NEW.`nib_verified_at` IS NOT NULL, NEW.`halal_number` IS NOT NULL, 1 FROM (SELECT '' AS `platform` UNION SELECT `platform` FROM `store_links` WHERE `msme_id` = NEW.`id`) p,
      (SELECT NEW.`district_code` AS `d` UNION ALL SELECT '') l WHERE NEW.`status` = 'published'
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `facet_links_insert` AFTER INSERT ON `store_links` BEGIN
  INSERT INTO `facet_counts` (`platform`, `category`, `regency_code`, `district_code`, `verified`, `halal`, `n`)
    SELECT NEW.`platform`, m.`category`, m.`regency_code`, CASE x.`level` WHEN 0 THEN m.`district_code` ELSE '' END, m.`nib_verified_at` IS NOT NULL, m.`halal_number` IS NOT NULL, 1
    FROM `msmes` m JOIN (SELECT 0 AS `level` UNION ALL SELECT 1) x
    WHERE m.`id` = NEW.`msme_id` AND m.`status` = 'published'
      AND (SELECT count(*) FROM `store_links` s WHERE s.`msme_id` = NEW.`msme_id` AND s.`platform` = NEW.`platform`) = 1
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
  UPDATE `msmes` SET `platforms` = coalesce((SELECT group_concat(`platform`) FROM (SELECT DISTINCT `platform` FROM `store_links` WHERE `msme_id` = NEW.`msme_id` ORDER BY `platform`)), '') WHERE `id` = NEW.`msme_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `facet_links_delete` AFTER DELETE ON `store_links` BEGIN
  UPDATE `facet_counts` SET `n` = `n` - 1
    WHERE `platform` = OLD.`platform`
      AND NOT EXISTS (SELECT 1 FROM `store_links` s WHERE s.`msme_id` = OLD.`msme_id` AND s.`platform` = OLD.`platform`)
      AND (`category`, `regency_code`, `verified`, `halal`) =
          (SELECT m.`category`, m.`regency_code`, m.`nib_verified_at` IS NOT NULL, m.`halal_number` IS NOT NULL FROM `msmes` m WHERE m.`id` = OLD.`msme_id` AND m.`status` = 'published')
      AND `district_code` IN ((SELECT m.`district_code` FROM `msmes` m WHERE m.`id` = OLD.`msme_id`), '');
  UPDATE `msmes` SET `platforms` = coalesce((SELECT group_concat(`platform`) FROM (SELECT DISTINCT `platform` FROM `store_links` WHERE `msme_id` = OLD.`msme_id` ORDER BY `platform`)), '') WHERE `id` = OLD.`msme_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `facet_links_update` AFTER UPDATE OF `platform`, `msme_id` ON `store_links`
  WHEN OLD.`platform` IS NOT NEW.`platform` OR OLD.`msme_id` IS NOT NEW.`msme_id` BEGIN
  UPDATE `facet_counts` SET `n` = `n` - 1
    WHERE `platform` = OLD.`platform`
      AND NOT EXISTS (SELECT 1 FROM `store_links` s WHERE s.`msme_id` = OLD.`msme_id` AND s.`platform` = OLD.`platform`)
      AND (`category`, `regency_code`, `verified`, `halal`) =
          (SELECT m.`category`, m.`regency_code`, m.`nib_verified_at` IS NOT NULL, m.`halal_number` IS NOT NULL FROM `msmes` m WHERE m.`id` = OLD.`msme_id` AND m.`status` = 'published')
      AND `district_code` IN ((SELECT m.`district_code` FROM `msmes` m WHERE m.`id` = OLD.`msme_id`), '');
  INSERT INTO `facet_counts` (`platform`, `category`, `regency_code`, `district_code`, `verified`, `halal`, `n`)
    SELECT NEW.`platform`, m.`category`, m.`regency_code`, CASE x.`level` WHEN 0 THEN m.`district_code` ELSE '' END, m.`nib_verified_at` IS NOT NULL, m.`halal_number` IS NOT NULL, 1
    FROM `msmes` m JOIN (SELECT 0 AS `level` UNION ALL SELECT 1) x
    WHERE m.`id` = NEW.`msme_id` AND m.`status` = 'published'
      AND (SELECT count(*) FROM `store_links` s WHERE s.`msme_id` = NEW.`msme_id` AND s.`platform` = NEW.`platform`) = 1
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
  UPDATE `msmes` SET `platforms` = coalesce((SELECT group_concat(`platform`) FROM (SELECT DISTINCT `platform` FROM `store_links` WHERE `msme_id` = OLD.`msme_id` ORDER BY `platform`)), '') WHERE `id` = OLD.`msme_id`;
  UPDATE `msmes` SET `platforms` = coalesce((SELECT group_concat(`platform`) FROM (SELECT DISTINCT `platform` FROM `store_links` WHERE `msme_id` = NEW.`msme_id` ORDER BY `platform`)), '') WHERE `id` = NEW.`msme_id`;
END;
