/**
 * Snowflake as a warehouse, through the unmodified {@code snowflake-jdbc} driver: its dialect ({@code MERGE INTO},
 * {@code CREATE OR REPLACE TABLE}, {@code DATEADD}/{@code DATEDIFF}, upper-case identifier folding), bulk writes by
 * batched binds kept under Snowflake's 1 MB statement limit, and connections that never probe cloud metadata
 * addresses or send telemetry unless the project file opts in.
 */
package io.seglift.warehouse.snowflake;
