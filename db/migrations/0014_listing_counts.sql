CREATE TABLE `listing_counts` (
	`category` text NOT NULL,
	`regency_code` text NOT NULL,
	`published` integer DEFAULT 0 NOT NULL,
	`verified` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`category`, `regency_code`)
);
--> statement-breakpoint
-- Filled once from what is published, then kept by the triggers below on every insert,
-- change of status, category, kabupaten/kota or NIB verification, and delete.
INSERT INTO `listing_counts` (`category`, `regency_code`, `published`, `verified`)
  SELECT `category`, `regency_code`, count(*), count(`nib_verified_at`) FROM `msmes` WHERE `status` = 'published' GROUP BY `category`, `regency_code`;
--> statement-breakpoint
CREATE TRIGGER `msmes_counts_insert` AFTER INSERT ON `msmes` WHEN NEW.`status` = 'published' BEGIN
  INSERT INTO `listing_counts` (`category`, `regency_code`, `published`, `verified`) VALUES (NEW.`category`, NEW.`regency_code`, 1, NEW.`nib_verified_at` IS NOT NULL)
    ON CONFLICT DO UPDATE SET `published` = `published` + 1, `verified` = `verified` + excluded.`verified`;
END;
--> statement-breakpoint
CREATE TRIGGER `msmes_counts_delete` AFTER DELETE ON `msmes` WHEN OLD.`status` = 'published' BEGIN
  UPDATE `listing_counts` SET `published` = `published` - 1, `verified` = `verified` - (OLD.`nib_verified_at` IS NOT NULL)
    WHERE `category` = OLD.`category` AND `regency_code` = OLD.`regency_code`;
END;
--> statement-breakpoint
CREATE TRIGGER `msmes_counts_update` AFTER UPDATE OF `status`, `category`, `regency_code`, `nib_verified_at` ON `msmes`
  WHEN OLD.`status` = 'published' OR NEW.`status` = 'published' BEGIN
  UPDATE `listing_counts` SET `published` = `published` - 1, `verified` = `verified` - (OLD.`nib_verified_at` IS NOT NULL)
    WHERE OLD.`status` = 'published' AND `category` = OLD.`category` AND `regency_code` = OLD.`regency_code`;
  INSERT INTO `listing_counts` (`category`, `regency_code`, `published`, `verified`)
    SELECT NEW.`category`, NEW.`regency_code`, 1, NEW.`nib_verified_at` IS NOT NULL WHERE NEW.`status` = 'published'
    ON CONFLICT DO UPDATE SET `published` = `published` + 1, `verified` = `verified` + excluded.`verified`;
END;
