-- dialect.types
CREATE TABLE `seglift`.`kit_types` (`c_text` STRING, `c_bigint` INT64, `c_integer` INT64, `c_double` FLOAT64, `c_boolean` BOOL, `c_date` DATE, `c_timestamp` TIMESTAMP, `c_json` STRING);

-- dialect.schema
CREATE SCHEMA IF NOT EXISTS `seglift`;

-- dialect.reserved-words-quoted
SELECT `hash`, `select`, `group` FROM `shop`.`customers`;

-- dialect.literals
SELECT 'it\'s a \\ back\nslash' AS a, DATE '2026-03-01' AS b, TIMESTAMP '2026-01-01 23:59:00+00' AS c, NULL AS n;

-- dialect.casts
SELECT CAST(1 AS STRING), CAST('1.5' AS FLOAT64), CAST('7' AS INT64), CAST('2026-01-01' AS DATE), CAST('2026-01-01 00:00:00' AS TIMESTAMP);

-- dialect.dates
SELECT DATE_ADD(CAST(DATE '2026-03-01' AS DATE), INTERVAL CAST(-365 AS INT64) DAY) AS a, DATE_DIFF(CAST(DATE '2026-03-01' AS DATE), CAST(TIMESTAMP '2026-01-01 23:59:00+00' AS DATE), DAY) AS b;

-- dialect.hashes
SELECT TO_HEX(MD5(`email`)), TO_HEX(SHA256(`email`)), CAST(CONCAT('0x', 'ffffffff') AS INT64) FROM `shop`.`customers`;

-- dialect.holdout-bucket
SELECT MOD(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CONCAT('salt', ':', CAST(`cust_id` AS STRING)))), 1, 8)) AS INT64), 10000) AS bucket FROM `shop`.`customers`;

-- dialect.regex-concat-now
SELECT REGEXP_CONTAINS(`tier`, '^(?:gold|pla\'tinum)$'), CONCAT(`a`, ':', `b`), CURRENT_TIMESTAMP() FROM `shop`.`customers` LIMIT 10;

-- dialect.logistic
SELECT (1.0 / (1.0 + EXP(-LEAST(GREATEST(CAST(0.25 * `x` AS FLOAT64), -700), 700)))) FROM `shop`.`customers`;

-- dialect.replace-table
CREATE OR REPLACE TABLE `seglift`.`rfm_scores` AS SELECT cust_id, 1 AS r FROM `shop`.`customers`;

-- dialect.upsert-merge
MERGE `seglift`.`sync_state` AS t USING ((SELECT NULL AS `destination`, NULL AS `member`, NULL AS `hash`, NULL AS `synced_at` LIMIT 0) UNION ALL (SELECT 'hubspot' AS destination, 'm1' AS member, 'h' AS `hash`, CURRENT_TIMESTAMP() AS synced_at)) AS s ON t.`destination` = s.`destination` AND t.`member` = s.`member` WHEN MATCHED THEN UPDATE SET `hash` = s.`hash`, `synced_at` = s.`synced_at` WHEN NOT MATCHED THEN INSERT (`destination`, `member`, `hash`, `synced_at`) VALUES (s.`destination`, s.`member`, s.`hash`, s.`synced_at`);

-- dialect.upsert-positional
MERGE `seglift`.`sync_state` AS t USING ((SELECT NULL AS `sync_name`, NULL AS `customer_key`, NULL AS `status`, NULL AS `synced_at` LIMIT 0) UNION ALL (SELECT CAST(? AS STRING), customer_key, status, CAST(? AS TIMESTAMP) FROM `seglift`.`sync_batch` WHERE run_id = ?)) AS s ON t.`sync_name` = s.`sync_name` AND t.`customer_key` = s.`customer_key` WHEN MATCHED THEN UPDATE SET `status` = s.`status`, `synced_at` = s.`synced_at` WHEN NOT MATCHED THEN INSERT (`sync_name`, `customer_key`, `status`, `synced_at`) VALUES (s.`sync_name`, s.`customer_key`, s.`status`, s.`synced_at`);

-- dialect.upsert-keys-only
MERGE `seglift`.`seen` AS t USING ((SELECT NULL AS `k` LIMIT 0) UNION ALL (SELECT 'a' AS k)) AS s ON t.`k` = s.`k` WHEN NOT MATCHED THEN INSERT (`k`) VALUES (s.`k`);

-- holdout.bucket
SELECT MOD(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CONCAT('spring-2026', ':', CAST(`cust_id` AS STRING)))), 1, 8)) AS INT64), 10000) FROM `shop`.`customers`;

-- holdout.arm
SELECT CASE WHEN MOD(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CONCAT('spring-2026', ':', CAST(`cust_id` AS STRING)))), 1, 8)) AS INT64), 10000) < 1000 THEN 'holdout' ELSE 'treatment' END FROM `shop`.`customers`;

-- purchases.lines
SELECT CAST(o.`cust_id` AS STRING) AS customer_key, CAST(o.`order_id` AS STRING) AS purchase_id, CAST(o.`ordered_at` AS DATE) AS purchase_date, CAST(o.`amount` AS FLOAT64) AS value, CAST(o.`category` AS STRING) AS category FROM `shop`.`orders` o WHERE o.`cust_id` IS NOT NULL AND o.`ordered_at` IS NOT NULL AND CAST(o.`ordered_at` AS DATE) < DATE '2026-03-01' AND NOT ((CAST(o.`amount` AS FLOAT64) IS NOT NULL AND NOT (ABS(CAST(o.`amount` AS FLOAT64)) <= CAST(1.0E12 AS FLOAT64)))) AND NOT COALESCE((`status` = 'cancelled'), FALSE) AND NOT COALESCE((CAST(o.`amount` AS FLOAT64) <= 0), TRUE);

-- purchases.purchases
SELECT CAST(g.k AS STRING) AS customer_key, CAST(g.p AS STRING) AS purchase_id, g.purchase_date, g.value FROM (SELECT o.`cust_id` AS k, o.`order_id` AS p, MAX(CAST(o.`ordered_at` AS DATE)) AS purchase_date, SUM(CAST(o.`amount` AS FLOAT64)) AS value FROM `shop`.`orders` o WHERE o.`cust_id` IS NOT NULL AND o.`ordered_at` IS NOT NULL AND CAST(o.`ordered_at` AS DATE) < DATE '2026-03-01' AND NOT ((CAST(o.`amount` AS FLOAT64) IS NOT NULL AND NOT (ABS(CAST(o.`amount` AS FLOAT64)) <= CAST(1.0E12 AS FLOAT64)))) AND NOT COALESCE((`status` = 'cancelled'), FALSE) AND NOT COALESCE((CAST(o.`amount` AS FLOAT64) <= 0), TRUE) GROUP BY o.`cust_id`, o.`order_id`) g;

-- purchases.per-customer
SELECT CAST(g.k AS STRING) AS customer_key, g.purchases, g.last_purchase, g.value FROM (SELECT o.`cust_id` AS k, COUNT(DISTINCT o.`order_id`) + MAX(CASE WHEN o.`order_id` IS NULL THEN 1 ELSE 0 END) AS purchases, MAX(CAST(o.`ordered_at` AS DATE)) AS last_purchase, SUM(CAST(o.`amount` AS FLOAT64)) AS value FROM `shop`.`orders` o WHERE o.`cust_id` IS NOT NULL AND o.`ordered_at` IS NOT NULL AND CAST(o.`ordered_at` AS DATE) < DATE '2026-03-01' AND NOT ((CAST(o.`amount` AS FLOAT64) IS NOT NULL AND NOT (ABS(CAST(o.`amount` AS FLOAT64)) <= CAST(1.0E12 AS FLOAT64)))) AND NOT COALESCE((`status` = 'cancelled'), FALSE) AND NOT COALESCE((CAST(o.`amount` AS FLOAT64) <= 0), TRUE) GROUP BY o.`cust_id`) g;

-- purchases.adjustments
SELECT CAST(o.`cust_id` AS STRING) AS customer_key, CAST(o.`ordered_at` AS DATE) AS adjustment_date, -ABS(CAST(o.`amount` AS FLOAT64)) AS value FROM `shop`.`orders` o WHERE o.`cust_id` IS NOT NULL AND o.`ordered_at` IS NOT NULL AND CAST(o.`ordered_at` AS DATE) < DATE '2026-03-01' AND (`status` = 'cancelled') AND NOT ((CAST(o.`amount` AS FLOAT64) IS NOT NULL AND NOT (ABS(CAST(o.`amount` AS FLOAT64)) <= CAST(1.0E12 AS FLOAT64))));

-- rfm.select
SELECT DATE '2026-03-01' AS as_of, customer_key, last_purchase, recency_days, frequency, monetary_total, monetary_avg, r_score, f_score, m_score, CASE WHEN COALESCE((r_score >= 4 AND f_score >= 4 AND m_score >= 4), FALSE) THEN 'Champions' WHEN COALESCE((r_score >= 3 AND f_score >= 4), FALSE) THEN 'Loyal' WHEN COALESCE((r_score >= 4 AND f_score BETWEEN 2 AND 3), FALSE) THEN 'Potential Loyalist' WHEN COALESCE((r_score = 5 AND f_score = 1), FALSE) THEN 'New' WHEN COALESCE((r_score = 4 AND f_score = 1), FALSE) THEN 'Promising' WHEN COALESCE((r_score = 3 AND f_score = 3), FALSE) THEN 'Need Attention' WHEN COALESCE((r_score = 3 AND f_score <= 2), FALSE) THEN 'About to Sleep' WHEN COALESCE((r_score <= 2 AND f_score = 5), FALSE) THEN 'Can\'t Lose Them' WHEN COALESCE((r_score <= 2 AND f_score BETWEEN 3 AND 4), FALSE) THEN 'At Risk' WHEN COALESCE((r_score = 2 AND f_score <= 2), FALSE) THEN 'Hibernating' WHEN COALESCE((r_score = 1 AND f_score <= 2), FALSE) THEN 'Lost' ELSE 'Unclassified' END AS rfm_segment FROM (SELECT b.*, CAST(FLOOR(CAST(5 * (RANK() OVER (ORDER BY recency_days DESC) - 1) AS FLOAT64) / COUNT(*) OVER ()) AS INT64) + 1 AS r_score, CAST(FLOOR(CAST(5 * (RANK() OVER (ORDER BY frequency) - 1) AS FLOAT64) / COUNT(*) OVER ()) AS INT64) + 1 AS f_score, CAST(FLOOR(CAST(5 * (RANK() OVER (ORDER BY monetary_total) - 1) AS FLOAT64) / COUNT(*) OVER ()) AS INT64) + 1 AS m_score FROM (SELECT p.customer_key, p.last_purchase, CAST(DATE_DIFF(CAST(DATE '2026-03-01' AS DATE), CAST(p.last_purchase AS DATE), DAY) AS INT64) AS recency_days, p.frequency, p.gross AS monetary_total, (p.gross) / p.frequency AS monetary_avg FROM (SELECT customer_key, last_purchase, purchases AS frequency, value AS gross FROM (SELECT CAST(g.k AS STRING) AS customer_key, g.purchases, g.last_purchase, g.value FROM (SELECT o.`cust_id` AS k, COUNT(DISTINCT o.`order_id`) + MAX(CASE WHEN o.`order_id` IS NULL THEN 1 ELSE 0 END) AS purchases, MAX(CAST(o.`ordered_at` AS DATE)) AS last_purchase, SUM(CAST(o.`amount` AS FLOAT64)) AS value FROM `shop`.`orders` o WHERE o.`cust_id` IS NOT NULL AND o.`ordered_at` IS NOT NULL AND CAST(o.`ordered_at` AS DATE) < DATE '2026-03-01' AND NOT ((CAST(o.`amount` AS FLOAT64) IS NOT NULL AND NOT (ABS(CAST(o.`amount` AS FLOAT64)) <= CAST(1.0E12 AS FLOAT64)))) AND NOT COALESCE(FALSE, FALSE) AND NOT COALESCE((CAST(o.`amount` AS FLOAT64) <= 0), TRUE) GROUP BY o.`cust_id`) g) pu) p) b) s;

-- sync.classified
SELECT m.seglift_key, CASE WHEN m.seglift_arm = 'holdout' OR h.seglift_held IS NOT NULL THEN 'held_out' WHEN 1 = 0 THEN 'suppressed' WHEN NOT (p.`cust_id` IS NOT NULL AND COALESCE(CAST(p.`email_ok` AS BOOL), FALSE)) THEN 'no_consent' WHEN NOT ((NULLIF(TRIM(CAST(p.`email` AS STRING)), '') IS NOT NULL)) THEN 'no_identifier' ELSE NULL END AS reason, TO_HEX(MD5(CONCAT('tier=', COALESCE(CAST((tier) AS STRING), '␀')))) AS fingerprint FROM (SELECT sm.customer_key AS seglift_key, sm.arm AS seglift_arm FROM `seglift`.`segment_members` sm WHERE sm.segment = ? AND sm.as_of = DATE '2026-03-01') m LEFT JOIN (SELECT c.*, CAST(c.`cust_id` AS STRING) AS customer_key FROM `shop`.`customers` c) p ON p.seglift_customer_key = m.seglift_key LEFT JOIN (SELECT DISTINCT CAST(h.customer_key AS STRING) AS seglift_held FROM `seglift`.`segment_members` h WHERE h.arm = 'holdout' AND h.as_of = (SELECT MAX(l.as_of) FROM `seglift`.`segment_members` l WHERE l.segment = h.segment)) h ON h.seglift_held = m.seglift_key;

-- sync.plan-preview
WITH seglift_c AS (SELECT m.seglift_key, CASE WHEN m.seglift_arm = 'holdout' OR h.seglift_held IS NOT NULL THEN 'held_out' WHEN 1 = 0 THEN 'suppressed' WHEN NOT (p.`cust_id` IS NOT NULL AND COALESCE(CAST(p.`email_ok` AS BOOL), FALSE)) THEN 'no_consent' WHEN NOT ((NULLIF(TRIM(CAST(p.`email` AS STRING)), '') IS NOT NULL)) THEN 'no_identifier' ELSE NULL END AS reason, TO_HEX(MD5(CONCAT('tier=', COALESCE(CAST((tier) AS STRING), '␀')))) AS fingerprint FROM (SELECT sm.customer_key AS seglift_key, sm.arm AS seglift_arm FROM `seglift`.`segment_members` sm WHERE sm.segment = ? AND sm.as_of = DATE '2026-03-01') m LEFT JOIN (SELECT c.*, CAST(c.`cust_id` AS STRING) AS customer_key FROM `shop`.`customers` c) p ON p.seglift_customer_key = m.seglift_key LEFT JOIN (SELECT DISTINCT CAST(h.customer_key AS STRING) AS seglift_held FROM `seglift`.`segment_members` h WHERE h.arm = 'holdout' AND h.as_of = (SELECT MAX(l.as_of) FROM `seglift`.`segment_members` l WHERE l.segment = h.segment)) h ON h.seglift_held = m.seglift_key), seglift_ops AS (SELECT 'add' AS operation, 1 AS op_order, w.seglift_key AS customer_key, w.fingerprint, CAST(NULL AS STRING) AS destination_id FROM seglift_c w LEFT JOIN `seglift`.`sync_state` st ON st.sync_name = ? AND st.customer_key = w.seglift_key WHERE w.reason IS NULL AND st.customer_key IS NULL UNION ALL SELECT 'remove', 0, st.customer_key, st.fingerprint, st.destination_id FROM `seglift`.`sync_state` st WHERE st.sync_name = ? AND st.status = 'synced' AND st.customer_key NOT IN (SELECT seglift_key FROM seglift_c WHERE reason IS NULL)) SELECT 'reason' AS kind, reason AS label, COUNT(*) AS n, CAST(NULL AS STRING) AS sample_key, CAST(NULL AS INT64) AS sample_rank FROM seglift_c GROUP BY reason UNION ALL SELECT 'operation', operation, n, customer_key, seglift_rank FROM (SELECT operation, customer_key, COUNT(*) OVER (PARTITION BY operation) AS n, ROW_NUMBER() OVER (PARTITION BY operation ORDER BY customer_key) AS seglift_rank FROM seglift_ops) o WHERE seglift_rank <= 5 UNION ALL SELECT 'built', CAST(NULL AS STRING), COUNT(*), CAST(NULL AS STRING), CAST(NULL AS INT64) FROM `seglift`.`segment_members` WHERE segment = ? AND as_of = DATE '2026-03-01' UNION ALL SELECT 'audience', CAST(NULL AS STRING), COUNT(*), CAST(NULL AS STRING), CAST(NULL AS INT64) FROM `seglift`.`sync_state` WHERE sync_name = ? AND status = 'synced';

-- sync.plan-preview-customers
WITH seglift_c AS (SELECT m.seglift_key, CASE WHEN m.seglift_arm = 'holdout' OR h.seglift_held IS NOT NULL THEN 'held_out' WHEN 1 = 0 THEN 'suppressed' WHEN NOT (p.`cust_id` IS NOT NULL AND COALESCE(CAST(p.`email_ok` AS BOOL), FALSE)) THEN 'no_consent' WHEN NOT ((NULLIF(TRIM(CAST(p.`email` AS STRING)), '') IS NOT NULL)) THEN 'no_identifier' ELSE NULL END AS reason, CAST(NULL AS STRING) AS fingerprint FROM (SELECT sm.customer_key AS seglift_key, sm.arm AS seglift_arm FROM `seglift`.`segment_members` sm WHERE sm.segment = ? AND sm.as_of = DATE '2026-03-01') m LEFT JOIN (SELECT c.*, CAST(c.`cust_id` AS STRING) AS seglift_customer_key FROM `shop`.`customers` c) p ON p.seglift_customer_key = m.seglift_key LEFT JOIN (SELECT DISTINCT CAST(h.customer_key AS STRING) AS seglift_held FROM `seglift`.`segment_members` h WHERE h.arm = 'holdout' AND h.as_of = (SELECT MAX(l.as_of) FROM `seglift`.`segment_members` l WHERE l.segment = h.segment)) h ON h.seglift_held = m.seglift_key), seglift_ops AS (SELECT 'add' AS operation, 1 AS op_order, w.seglift_key AS customer_key, w.fingerprint, CAST(NULL AS STRING) AS destination_id FROM seglift_c w LEFT JOIN `seglift`.`sync_state` st ON st.sync_name = ? AND st.customer_key = w.seglift_key WHERE w.reason IS NULL AND st.customer_key IS NULL UNION ALL SELECT 'remove', 0, st.customer_key, st.fingerprint, st.destination_id FROM `seglift`.`sync_state` st WHERE st.sync_name = ? AND st.status = 'synced' AND st.customer_key NOT IN (SELECT seglift_key FROM seglift_c WHERE reason IS NULL)) SELECT 'reason' AS kind, reason AS label, COUNT(*) AS n, CAST(NULL AS STRING) AS sample_key, CAST(NULL AS INT64) AS sample_rank FROM seglift_c GROUP BY reason UNION ALL SELECT 'operation', operation, n, customer_key, seglift_rank FROM (SELECT operation, customer_key, COUNT(*) OVER (PARTITION BY operation) AS n, ROW_NUMBER() OVER (PARTITION BY operation ORDER BY customer_key) AS seglift_rank FROM seglift_ops) o WHERE seglift_rank <= 5 UNION ALL SELECT 'built', CAST(NULL AS STRING), COUNT(*), CAST(NULL AS STRING), CAST(NULL AS INT64) FROM `seglift`.`segment_members` WHERE segment = ? AND as_of = DATE '2026-03-01' UNION ALL SELECT 'audience', CAST(NULL AS STRING), COUNT(*), CAST(NULL AS STRING), CAST(NULL AS INT64) FROM `seglift`.`sync_state` WHERE sync_name = ? AND status = 'synced';

-- sync.plan-pending-upsert
INSERT INTO `seglift`.`sync_pending` (run_id, seq, operation, customer_key, fingerprint, destination_id) WITH seglift_c AS (SELECT m.seglift_key, CASE WHEN m.seglift_arm = 'holdout' OR h.seglift_held IS NOT NULL THEN 'held_out' WHEN 1 = 0 THEN 'suppressed' WHEN NOT (p.`cust_id` IS NOT NULL AND COALESCE(CAST(p.`email_ok` AS BOOL), FALSE)) THEN 'no_consent' WHEN NOT ((NULLIF(TRIM(CAST(p.`email` AS STRING)), '') IS NOT NULL)) THEN 'no_identifier' ELSE NULL END AS reason, TO_HEX(MD5(CONCAT('tier=', COALESCE(CAST((tier) AS STRING), '␀')))) AS fingerprint FROM (SELECT sm.customer_key AS seglift_key, sm.arm AS seglift_arm FROM `seglift`.`segment_members` sm WHERE sm.segment = ? AND sm.as_of = DATE '2026-03-01') m LEFT JOIN (SELECT c.*, CAST(c.`cust_id` AS STRING) AS customer_key FROM `shop`.`customers` c) p ON p.seglift_customer_key = m.seglift_key LEFT JOIN (SELECT DISTINCT CAST(h.customer_key AS STRING) AS seglift_held FROM `seglift`.`segment_members` h WHERE h.arm = 'holdout' AND h.as_of = (SELECT MAX(l.as_of) FROM `seglift`.`segment_members` l WHERE l.segment = h.segment)) h ON h.seglift_held = m.seglift_key) SELECT ?, ROW_NUMBER() OVER (ORDER BY op_order, customer_key), operation, customer_key, fingerprint, destination_id FROM (SELECT 'add' AS operation, 1 AS op_order, w.seglift_key AS customer_key, w.fingerprint, CAST(NULL AS STRING) AS destination_id FROM seglift_c w LEFT JOIN `seglift`.`sync_state` st ON st.sync_name = ? AND st.customer_key = w.seglift_key WHERE w.reason IS NULL AND st.customer_key IS NULL UNION ALL SELECT 'update', 2, w.seglift_key, w.fingerprint, st.destination_id FROM seglift_c w JOIN `seglift`.`sync_state` st ON st.sync_name = ? AND st.customer_key = w.seglift_key WHERE w.reason IS NULL AND st.status = 'synced' AND COALESCE(st.fingerprint, '') <> COALESCE(w.fingerprint, '') UNION ALL SELECT 'remove', 0, st.customer_key, st.fingerprint, st.destination_id FROM `seglift`.`sync_state` st WHERE st.sync_name = ? AND st.status = 'synced' AND st.customer_key IN (SELECT seglift_held FROM (SELECT DISTINCT CAST(h.customer_key AS STRING) AS seglift_held FROM `seglift`.`segment_members` h WHERE h.arm = 'holdout' AND h.as_of = (SELECT MAX(l.as_of) FROM `seglift`.`segment_members` l WHERE l.segment = h.segment)) h)) d;

-- sync.held-out-keys
SELECT * FROM (SELECT DISTINCT CAST(h.customer_key AS STRING) AS seglift_held FROM `seglift`.`segment_members` h WHERE h.arm = 'holdout' AND h.as_of = (SELECT MAX(l.as_of) FROM `seglift`.`segment_members` l WHERE l.segment = h.segment)) h;

-- sync.fields-check
SELECT 1 AS seglift_probe, (tier) AS seglift_f_0 FROM (SELECT c.*, CAST(c.`cust_id` AS STRING) AS customer_key FROM `shop`.`customers` c) p;

-- sync.outbox
CREATE OR REPLACE TABLE `seglift`.`sync_outbox_5a413dacac062b47` AS SELECT x.seglift_seq, x.seglift_key, x.seglift_fp, x.seglift_dest, CAST(p.`email` AS STRING) AS seglift_id_0, (tier) AS seglift_f_0 FROM (SELECT seq AS seglift_seq, customer_key AS seglift_key, fingerprint AS seglift_fp, destination_id AS seglift_dest FROM `seglift`.`sync_pending` WHERE run_id = 'run-1' AND operation = 'add') x LEFT JOIN (SELECT c.*, CAST(c.`cust_id` AS STRING) AS customer_key FROM `shop`.`customers` c) p ON p.seglift_customer_key = x.seglift_key;

-- sync.page
SELECT * FROM `seglift`.`sync_outbox_5a413dacac062b47` WHERE seglift_seq > ? ORDER BY seglift_seq LIMIT 500;

-- sync.outbox-drop
DROP TABLE IF EXISTS `seglift`.`sync_outbox_5a413dacac062b47`;

-- customers.rows
SELECT * FROM (SELECT seglift_c.*, CASE WHEN seglift_c.`cust_id` IS NOT NULL AND COUNT(*) OVER (PARTITION BY seglift_c.`cust_id`) = 1 THEN CAST(seglift_c.`cust_id` AS STRING) END AS seglift_customer_key FROM `shop`.`customers` seglift_c) seglift_u WHERE seglift_customer_key IS NOT NULL UNION ALL SELECT * FROM (SELECT seglift_c.*, CASE WHEN seglift_c.`cust_id` IS NOT NULL AND ROW_NUMBER() OVER (PARTITION BY seglift_c.`cust_id` ORDER BY TO_JSON_STRING(seglift_c)) = 1 THEN CAST(seglift_c.`cust_id` AS STRING) END AS seglift_customer_key FROM `shop`.`customers` seglift_c WHERE seglift_c.`cust_id` IN (SELECT seglift_d.`cust_id` FROM `shop`.`customers` seglift_d GROUP BY seglift_d.`cust_id` HAVING COUNT(*) > 1)) seglift_r WHERE seglift_customer_key IS NOT NULL;

-- model.small
SELECT (1.0 / (1.0 + EXP(-LEAST(GREATEST(CAST(((-0.4E0) + (CASE WHEN f.`monetary` <= (-8.673886775970459E0) THEN CASE WHEN f.`frequency` > (-2.0095189809799194E0) THEN CASE WHEN f.`tenure` >= (8.841922283172607E0) THEN 0.0949086E0 ELSE 0.090297215E0 END ELSE CASE WHEN f.`tenure` >= (-7.793116807937622E0) THEN 0.029516129E0 ELSE 0.09512322E0 END END ELSE CASE WHEN f.`tenure` < (4.729310750961304E0) THEN CASE WHEN f.`frequency` < (-0.2778253108263016E0) THEN -0.10414905E0 ELSE 0.19938737E0 END ELSE CASE WHEN f.`frequency` >= (-3.418974995613098E0) THEN -0.03742286E0 ELSE -0.014927902E0 END END END + (CASE WHEN f.`recency` < (-2.9724866151809692E0) THEN CASE WHEN f.`frequency` <= (6.463061571121216E0) THEN CASE WHEN f.`monetary` > (-3.880755305290222E0) THEN 0.04840206E0 ELSE -0.111911245E0 END ELSE CASE WHEN f.`monetary` >= (-2.718258500099182E0) THEN -0.055852607E0 ELSE -0.03412536E0 END END ELSE CASE WHEN f.`recency` <= (0.2985440045595169E0) THEN CASE WHEN f.`tenure` <= (-3.172916293144226E0) THEN -3.9214443E-4 ELSE -0.035319444E0 END ELSE CASE WHEN f.`frequency` < (8.757752895355225E0) THEN 0.014646986E0 ELSE -0.018975655E0 END END END + CASE WHEN f.`monetary` > (-20.228426933288574E0) THEN CASE WHEN f.`recency` >= (1.982869803905487E0) THEN CASE WHEN f.`recency` > (5.553740739822388E0) THEN 0.13175894E0 ELSE 0.021633822E0 END ELSE CASE WHEN f.`monetary` < (-18.58223056793213E0) THEN -0.10237459E0 ELSE -0.18117313E0 END END ELSE CASE WHEN f.`tenure` < (-8.306122303009033E0) THEN CASE WHEN f.`tenure` < (4.261679410934448E0) THEN -0.026481058E0 ELSE 0.01257103E0 END ELSE CASE WHEN f.`recency` >= (-6.488420724868774E0) THEN 0.09086061E0 ELSE 0.05821693E0 END END END))) AS FLOAT64), -700), 700)))) AS p FROM `seglift`.`features` f;

-- clv.summary
SELECT s.customer_key, s.x, s.t_x, s.age, s.m, COALESCE(h.holdout, 0) AS holdout FROM (SELECT customer_key, COUNT(*) - 1 AS x, (CAST(DATE_DIFF(CAST(MAX(purchase_date) AS DATE), CAST(MIN(purchase_date) AS DATE), DAY) AS FLOAT64) / 7.0) AS t_x, (CAST(DATE_DIFF(CAST(DATE '2025-08-31' AS DATE), CAST(MIN(purchase_date) AS DATE), DAY) AS FLOAT64) / 7.0) AS age, CASE WHEN COUNT(*) > 1 THEN (SUM(value) - SUM(CASE WHEN purchase_date = first_day THEN value ELSE 0 END)) / (COUNT(*) - 1) END AS m FROM (SELECT customer_key, purchase_date, SUM(value) AS value, MIN(purchase_date) OVER (PARTITION BY customer_key) AS first_day FROM (SELECT CAST(g.k AS STRING) AS customer_key, CAST(g.p AS STRING) AS purchase_id, g.purchase_date, g.value FROM (SELECT o.`cust_id` AS k, o.`order_id` AS p, MAX(CAST(o.`ordered_at` AS DATE)) AS purchase_date, SUM(CAST(o.`amount` AS FLOAT64)) AS value FROM `shop`.`orders` o WHERE o.`cust_id` IS NOT NULL AND o.`ordered_at` IS NOT NULL AND CAST(o.`ordered_at` AS DATE) < DATE '2025-09-01' AND NOT ((CAST(o.`amount` AS FLOAT64) IS NOT NULL AND NOT (ABS(CAST(o.`amount` AS FLOAT64)) <= CAST(1.0E12 AS FLOAT64)))) AND NOT COALESCE(FALSE, FALSE) AND NOT COALESCE((CAST(o.`amount` AS FLOAT64) <= 0), TRUE) GROUP BY o.`cust_id`, o.`order_id`) g) p GROUP BY customer_key, purchase_date) dd GROUP BY customer_key) s LEFT JOIN (SELECT customer_key, COUNT(DISTINCT purchase_date) AS holdout FROM (SELECT CAST(g.k AS STRING) AS customer_key, CAST(g.p AS STRING) AS purchase_id, g.purchase_date, g.value FROM (SELECT o.`cust_id` AS k, o.`order_id` AS p, MAX(CAST(o.`ordered_at` AS DATE)) AS purchase_date, SUM(CAST(o.`amount` AS FLOAT64)) AS value FROM `shop`.`orders` o WHERE o.`cust_id` IS NOT NULL AND o.`ordered_at` IS NOT NULL AND CAST(o.`ordered_at` AS DATE) < DATE '2026-03-01' AND NOT ((CAST(o.`amount` AS FLOAT64) IS NOT NULL AND NOT (ABS(CAST(o.`amount` AS FLOAT64)) <= CAST(1.0E12 AS FLOAT64)))) AND NOT COALESCE(FALSE, FALSE) AND NOT COALESCE((CAST(o.`amount` AS FLOAT64) <= 0), TRUE) GROUP BY o.`cust_id`, o.`order_id`) g) h WHERE purchase_date >= DATE '2025-09-01' GROUP BY customer_key) h ON h.customer_key = s.customer_key ORDER BY s.customer_key;

-- clv.counts
SELECT COUNT(*) AS customers, SUM(CASE WHEN x > 0 THEN 1 ELSE 0 END) AS repeat_buyers, MIN(first_day) AS first_day, MAX(last_day) AS last_day FROM (SELECT customer_key, COUNT(*) - 1 AS x, MIN(purchase_date) AS first_day, MAX(purchase_date) AS last_day FROM (SELECT customer_key, purchase_date, SUM(value) AS value, MIN(purchase_date) OVER (PARTITION BY customer_key) AS first_day FROM (SELECT CAST(g.k AS STRING) AS customer_key, CAST(g.p AS STRING) AS purchase_id, g.purchase_date, g.value FROM (SELECT o.`cust_id` AS k, o.`order_id` AS p, MAX(CAST(o.`ordered_at` AS DATE)) AS purchase_date, SUM(CAST(o.`amount` AS FLOAT64)) AS value FROM `shop`.`orders` o WHERE o.`cust_id` IS NOT NULL AND o.`ordered_at` IS NOT NULL AND CAST(o.`ordered_at` AS DATE) < DATE '2026-03-02' AND NOT ((CAST(o.`amount` AS FLOAT64) IS NOT NULL AND NOT (ABS(CAST(o.`amount` AS FLOAT64)) <= CAST(1.0E12 AS FLOAT64)))) AND NOT COALESCE(FALSE, FALSE) AND NOT COALESCE((CAST(o.`amount` AS FLOAT64) <= 0), TRUE) GROUP BY o.`cust_id`, o.`order_id`) g) p GROUP BY customer_key, purchase_date) dd GROUP BY customer_key) s;

-- clusters.assignment
SELECT DATE '2026-03-01' AS as_of, customer_key, CASE WHEN d1 = nearest THEN 1 WHEN d2 = nearest THEN 2 ELSE 3 END AS cluster FROM (SELECT t.*, LEAST(d1, d2, d3) AS nearest FROM (SELECT customer_key, (z1 - CAST(0.5 AS FLOAT64)) * (z1 - CAST(0.5 AS FLOAT64)) + (z2 - CAST(-1.0 AS FLOAT64)) * (z2 - CAST(-1.0 AS FLOAT64)) + (z3 - CAST(0.2 AS FLOAT64)) * (z3 - CAST(0.2 AS FLOAT64)) AS d1, (z1 - CAST(-0.25 AS FLOAT64)) * (z1 - CAST(-0.25 AS FLOAT64)) + (z2 - CAST(0.75 AS FLOAT64)) * (z2 - CAST(0.75 AS FLOAT64)) + (z3 - CAST(1.0 AS FLOAT64)) * (z3 - CAST(1.0 AS FLOAT64)) AS d2, (z1 - CAST(1.0 AS FLOAT64)) * (z1 - CAST(1.0 AS FLOAT64)) + (z2 - CAST(1.0 AS FLOAT64)) * (z2 - CAST(1.0 AS FLOAT64)) + (z3 - CAST(-0.5 AS FLOAT64)) * (z3 - CAST(-0.5 AS FLOAT64)) AS d3 FROM (SELECT customer_key, z1, z2, z3 FROM `seglift`.`cluster_input`) s) t) u;

-- migration.0100-scoring-audits.1
CREATE TABLE `seglift`.`audits` (run_id STRING NOT NULL, as_of DATE NOT NULL, run_at TIMESTAMP NOT NULL, customers INT64, qualified_customers INT64, history_months INT64, recommendation STRING NOT NULL, allows_models BOOL NOT NULL, report STRING NOT NULL, PRIMARY KEY (run_id) NOT ENFORCED);

-- migration.0110-scoring-rfm-scores.1
CREATE TABLE `seglift`.`rfm_scores` (as_of DATE NOT NULL, customer_key STRING NOT NULL, last_purchase DATE NOT NULL, recency_days INT64 NOT NULL, frequency INT64 NOT NULL, monetary_total FLOAT64 NOT NULL, monetary_avg FLOAT64 NOT NULL, r_score INT64 NOT NULL, f_score INT64 NOT NULL, m_score INT64 NOT NULL, rfm_segment STRING NOT NULL, PRIMARY KEY (as_of, customer_key) NOT ENFORCED);

-- migration.0120-scoring-segments.1
CREATE TABLE `seglift`.`segment_builds` (build_id STRING NOT NULL, segment STRING NOT NULL, as_of DATE NOT NULL, built_at TIMESTAMP NOT NULL, rule STRING NOT NULL, salt STRING NOT NULL, holdout_fraction FLOAT64 NOT NULL, members INT64 NOT NULL, holdout INT64 NOT NULL, previous_build_id STRING, entered INT64 NOT NULL, exited INT64 NOT NULL, stayed INT64 NOT NULL, change_ratio FLOAT64, flagged BOOL NOT NULL, PRIMARY KEY (build_id) NOT ENFORCED);

-- migration.0120-scoring-segments.2
CREATE TABLE `seglift`.`segment_members` (as_of DATE NOT NULL, segment STRING NOT NULL, customer_key STRING NOT NULL, arm STRING NOT NULL, build_id STRING NOT NULL, PRIMARY KEY (as_of, segment, customer_key) NOT ENFORCED);

-- migration.0120-scoring-segments.3
CREATE TABLE `seglift`.`holdout_assignments` (segment STRING NOT NULL, customer_key STRING NOT NULL, arm STRING NOT NULL, bucket INT64 NOT NULL, first_assigned DATE NOT NULL, PRIMARY KEY (segment, customer_key) NOT ENFORCED);

-- migration.0130-scoring-cluster-assignments.1
CREATE TABLE `seglift`.`cluster_assignments` (as_of DATE NOT NULL, customer_key STRING NOT NULL, cluster INT64 NOT NULL);

-- migration.0131-scoring-clv-scores.1
CREATE TABLE `seglift`.`clv_scores` (as_of DATE NOT NULL, customer_key STRING NOT NULL, frequency INT64 NOT NULL, recency_weeks FLOAT64 NOT NULL, age_weeks FLOAT64 NOT NULL, avg_repeat_value FLOAT64, p_alive FLOAT64 NOT NULL, expected_purchases FLOAT64 NOT NULL, expected_aov FLOAT64, clv FLOAT64);

-- migration.0200-propensity-models.1
CREATE TABLE IF NOT EXISTS `seglift`.`models` (model_id STRING NOT NULL, name STRING NOT NULL, kind STRING NOT NULL, target STRING, features STRING, params STRING, metrics STRING, training_cutoff DATE, validation_cutoff DATE, as_of DATE, train_rows INT64, auc_roc FLOAT64, fingerprint STRING, path STRING, trained_at TIMESTAMP, PRIMARY KEY (model_id) NOT ENFORCED);

-- migration.0201-propensity-model-scores.1
CREATE TABLE IF NOT EXISTS `seglift`.`model_scores` (model_id STRING NOT NULL, model_name STRING NOT NULL, as_of DATE NOT NULL, customer_key STRING NOT NULL, score FLOAT64, decile INT64, PRIMARY KEY (model_id, as_of, customer_key) NOT ENFORCED);

-- migration.0300-sync-tables.1
CREATE TABLE `seglift`.`sync_state` (sync_name STRING NOT NULL, customer_key STRING NOT NULL, destination_id STRING, fingerprint STRING, status STRING NOT NULL, synced_at TIMESTAMP, run_id STRING, PRIMARY KEY (sync_name, customer_key) NOT ENFORCED);

-- migration.0300-sync-tables.2
CREATE TABLE `seglift`.`sync_runs` (run_id STRING NOT NULL, sync_name STRING NOT NULL, segment STRING, destination STRING, mode STRING, segment_as_of DATE, audience_id STRING, started_at TIMESTAMP, finished_at TIMESTAMP, status STRING, error STRING, planned INT64 DEFAULT 0, sent INT64 DEFAULT 0, added INT64 DEFAULT 0, removed INT64 DEFAULT 0, updated INT64 DEFAULT 0, rejected INT64 DEFAULT 0, retried INT64 DEFAULT 0, held_out INT64 DEFAULT 0, suppressed INT64 DEFAULT 0, no_consent INT64 DEFAULT 0, no_identifier INT64 DEFAULT 0, call_retries INT64 DEFAULT 0, PRIMARY KEY (run_id) NOT ENFORCED);

-- migration.0300-sync-tables.3
CREATE TABLE `seglift`.`sync_results` (run_id STRING NOT NULL, customer_key STRING NOT NULL, operation STRING NOT NULL, status STRING NOT NULL, code STRING, message STRING, recorded_at TIMESTAMP, PRIMARY KEY (run_id, customer_key, operation) NOT ENFORCED);

-- migration.0300-sync-tables.4
CREATE TABLE `seglift`.`sync_audiences` (sync_name STRING NOT NULL, destination STRING, audience_id STRING, audience_name STRING, created_at TIMESTAMP, PRIMARY KEY (sync_name) NOT ENFORCED);

-- migration.0300-sync-tables.5
CREATE TABLE `seglift`.`sync_work` (run_id STRING NOT NULL, customer_key STRING NOT NULL, reason STRING, fingerprint STRING);

-- migration.0300-sync-tables.6
CREATE TABLE `seglift`.`sync_pending` (run_id STRING NOT NULL, seq INT64 NOT NULL, operation STRING NOT NULL, customer_key STRING NOT NULL, fingerprint STRING, destination_id STRING);

-- migration.0300-sync-tables.7
CREATE TABLE `seglift`.`sync_batch` (run_id STRING NOT NULL, customer_key STRING NOT NULL, operation STRING NOT NULL, status STRING NOT NULL, code STRING, message STRING, destination_id STRING, fingerprint STRING);

-- migration.0301-sync-audience-tracking.1
ALTER TABLE `seglift`.`sync_audiences` ADD COLUMN updated_at TIMESTAMP;

-- migration.0301-sync-audience-tracking.2
ALTER TABLE `seglift`.`sync_runs` ADD COLUMN warnings STRING;

-- migration.0302-sync-match-rates.1
ALTER TABLE `seglift`.`sync_runs` ADD COLUMN upload_received INT64;

-- migration.0302-sync-match-rates.2
ALTER TABLE `seglift`.`sync_runs` ADD COLUMN upload_invalid INT64;

-- migration.0302-sync-match-rates.3
ALTER TABLE `seglift`.`sync_runs` ADD COLUMN audience_size_lower INT64;

-- migration.0302-sync-match-rates.4
ALTER TABLE `seglift`.`sync_runs` ADD COLUMN audience_size_upper INT64;

-- migration.0302-sync-match-rates.5
CREATE VIEW `seglift`.`sync_daily` AS SELECT CAST(r.started_at AS DATE) AS day, r.sync_name, MIN(r.segment) AS segment, MIN(r.destination) AS destination, CAST(COUNT(*) AS INT64) AS runs, CAST(SUM(CASE WHEN r.status IN ('failed', 'stopped', 'abandoned') THEN 1 ELSE 0 END) AS INT64) AS troubled_runs, SUM(COALESCE(r.sent, 0)) AS sent, SUM(COALESCE(r.added, 0)) AS added, SUM(COALESCE(r.removed, 0)) AS removed, SUM(COALESCE(r.updated, 0)) AS updated, SUM(COALESCE(r.rejected, 0)) AS rejected, SUM(COALESCE(r.retried, 0)) AS retried, CAST(SUM(r.upload_received) AS INT64) AS upload_received, CAST(SUM(r.upload_invalid) AS INT64) AS upload_invalid, CASE WHEN SUM(r.upload_received) > 0 THEN CAST(SUM(r.upload_received) - SUM(r.upload_invalid) AS FLOAT64) / CAST(SUM(r.upload_received) AS FLOAT64) END AS match_rate, CAST(MAX(r.audience_size_upper) AS INT64) AS audience_size_upper FROM `seglift`.`sync_runs` r GROUP BY CAST(r.started_at AS DATE), r.sync_name;

-- migration.0302-sync-match-rates.6
CREATE VIEW `seglift`.`sync_daily_rejections` AS SELECT CAST(r.started_at AS DATE) AS day, r.sync_name, res.operation, COALESCE(res.code, 'unknown') AS reason, CAST(COUNT(*) AS INT64) AS members FROM `seglift`.`sync_results` res JOIN `seglift`.`sync_runs` r ON r.run_id = res.run_id WHERE res.status = 'rejected' GROUP BY CAST(r.started_at AS DATE), r.sync_name, res.operation, COALESCE(res.code, 'unknown');

-- migration.0320-sync-audience-links.1
CREATE TABLE `seglift`.`sync_audience_links` (sync_name STRING NOT NULL, link STRING NOT NULL, destination STRING, audience_id STRING, value STRING, updated_at TIMESTAMP, PRIMARY KEY (sync_name, link) NOT ENFORCED);

-- migration.0500-alerts-tables.1
CREATE TABLE `seglift`.`alert_deliveries` (alert_id STRING NOT NULL, kind STRING NOT NULL, sync_name STRING, segment STRING, run_id STRING, attempts INT64, http_status INT64, status STRING NOT NULL, error STRING, created_at TIMESTAMP, finished_at TIMESTAMP, PRIMARY KEY (alert_id) NOT ENFORCED);

-- migration.0500-alerts-tables.2
CREATE TABLE `seglift`.`alert_state` (segment STRING NOT NULL, kind STRING NOT NULL, seen_value STRING, updated_at TIMESTAMP, PRIMARY KEY (segment, kind) NOT ENFORCED);

