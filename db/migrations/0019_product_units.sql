-- Each product's unit or pack ("250 g", "isi 10") and when its owner last said the price
-- holds. Prices stored before count as confirmed when their listing last changed.
ALTER TABLE `products` ADD `unit` text;--> statement-breakpoint
ALTER TABLE `products` ADD `price_confirmed_at` integer;--> statement-breakpoint
UPDATE `products` SET `price_confirmed_at` = (SELECT `updated_at` FROM `msmes` WHERE `msmes`.`id` = `products`.`msme_id`);
