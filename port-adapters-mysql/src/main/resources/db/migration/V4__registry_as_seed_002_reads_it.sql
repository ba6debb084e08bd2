-- Seed 002's registry as its clients and admin pages read it: a node keeps its sync_config (a JSON object the
-- operator sets, as text) and when it was last changed; a sync log entry keeps when it started and the task it
-- belongs to, and its kind takes seed 002's operation names. Plain ADD COLUMN with literal defaults and UPDATEs:
-- the same on MySQL 8, MariaDB 10.11 and H2 in MySQL mode (VARCHAR, not TEXT: MySQL 8 refuses a literal default
-- on TEXT).
ALTER TABLE cluster_nodes ADD COLUMN sync_config VARCHAR(2000) NOT NULL DEFAULT '{}';
ALTER TABLE cluster_nodes ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
UPDATE cluster_nodes SET updated_at = created_at;

ALTER TABLE cluster_sync_logs ADD COLUMN started_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cluster_sync_logs ADD COLUMN task_id VARCHAR(200) NOT NULL DEFAULT '';
UPDATE cluster_sync_logs SET started_at = logged_at;
UPDATE cluster_sync_logs SET kind = 'catch_up' WHERE kind = 'pull';
UPDATE cluster_sync_logs SET kind = 'sync_request' WHERE kind IN ('push', 'request');
UPDATE cluster_sync_logs SET kind = 'report_result' WHERE kind = 'report';

-- sync-logs?operation=… reads one operation's entries newest first.
CREATE INDEX cluster_sync_logs_operation ON cluster_sync_logs (kind, log_id);
