/**
 * Google BigQuery through the official client library ({@code google-cloud-bigquery}): queries as query jobs with
 * paged results, typed query parameters, multi-statement transactions in sessions, bulk writes through
 * {@code tabledata.insertAll} in chunks and file loads through load jobs.
 */
package io.seglift.warehouse.bigquery;
