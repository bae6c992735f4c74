DROP INDEX `msmes_status_category_idx`;--> statement-breakpoint
DROP INDEX `msmes_status_regency_idx`;--> statement-breakpoint
DROP INDEX `msmes_district_idx`;--> statement-breakpoint
CREATE INDEX `msmes_browse_category_idx` ON `msmes` (`status`,`category`,("nib_verified_at" IS NOT NULL),`published_at`,`id`,`regency_code`,`nib_verified_at`,`price_min`,`price_max`);--> statement-breakpoint
CREATE INDEX `msmes_browse_regency_idx` ON `msmes` (`status`,`regency_code`,("nib_verified_at" IS NOT NULL),`published_at`,`id`,`category`,`nib_verified_at`,`price_min`,`price_max`);--> statement-breakpoint
CREATE INDEX `msmes_browse_district_idx` ON `msmes` (`status`,`district_code`,("nib_verified_at" IS NOT NULL),`published_at`,`id`,`category`,`nib_verified_at`,`price_min`,`price_max`);