ALTER TABLE `msmes` ADD `price_min` integer;--> statement-breakpoint
ALTER TABLE `msmes` ADD `price_max` integer;--> statement-breakpoint
UPDATE `msmes` SET
  `price_min` = (SELECT min(`price_min`) FROM `products` WHERE `products`.`msme_id` = `msmes`.`id`),
  `price_max` = (SELECT max(coalesce(`price_max`, `price_min`)) FROM `products` WHERE `products`.`msme_id` = `msmes`.`id`);
