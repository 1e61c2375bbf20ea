CREATE TABLE "SEGLIFT"."SYNC_AUDIENCES" (sync_name VARCHAR NOT NULL, destination VARCHAR, audience_id VARCHAR, audience_name VARCHAR, created_at TIMESTAMP_NTZ, PRIMARY KEY (sync_name))
