package io.seglift.warehouse.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import io.seglift.spi.warehouse.WarehouseException;

/** A BigQuery API error, keeping the HTTP code and BigQuery's reason ({@code invalidQuery}, {@code quotaExceeded}). */
public final class BigQueryWarehouseException extends WarehouseException {
    private final int httpCode;
    private final String reason;

    BigQueryWarehouseException(String message, BigQueryException cause) {
        super(message, cause);
        this.httpCode = cause.getCode();
        this.reason = cause.getError() == null ? null : cause.getError().getReason();
    }

    /** The HTTP status of the failed call, or 0 when the error came inside a job's status. */
    public int httpCode() {
        return httpCode;
    }

    /** BigQuery's error reason, e.g. {@code invalidQuery}, {@code quotaExceeded}, {@code rateLimitExceeded}. */
    public String reason() {
        return reason;
    }

    /** Whether the failure was an authentication or permission problem (HTTP 401, or 403 that is not a quota). */
    public boolean isAuth() {
        return httpCode == 401 || (httpCode == 403 && !isQuota());
    }

    /** Whether BigQuery refused for quota or rate limits. */
    public boolean isQuota() {
        return "quotaExceeded".equals(reason) || "rateLimitExceeded".equals(reason);
    }
}
