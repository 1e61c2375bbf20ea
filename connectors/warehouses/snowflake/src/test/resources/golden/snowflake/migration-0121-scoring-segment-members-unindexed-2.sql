INSERT INTO "SEGLIFT"."SEGMENT_MEMBERS_NEXT" (as_of, segment, customer_key, arm, build_id) SELECT as_of, segment, customer_key, arm, build_id FROM "SEGLIFT"."SEGMENT_MEMBERS"
