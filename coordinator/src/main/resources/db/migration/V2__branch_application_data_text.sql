-- A placement batch's TCC branch carries its order ids in application_data: up to 1,000 ids, some
-- 20 KB. Seata's VARCHAR(2000) held fewer than a hundred. TEXT holds 64 KB, as the file store allows.
ALTER TABLE `branch_table` MODIFY `application_data` TEXT;
