package io.seglift.scoring.audit;

import io.seglift.config.SegliftTables;
import io.seglift.spi.warehouse.Warehouse;

import java.util.List;
import java.util.Optional;

/** Reads stored audits back; the propensity gate and the lift report use the latest one. */
public final class AuditHistory {
    private final Warehouse w;

    public AuditHistory(Warehouse warehouse) {
        this.w = warehouse;
    }

    /** The most recent audit by run time, if any. */
    public Optional<AuditResult> latest() {
        return w.queryOne("SELECT " + w.dialect().castText("report") + " AS report FROM " + w.dialect().table(w.own(SegliftTables.AUDITS))
                + " ORDER BY run_at DESC" + w.dialect().limit(1), List.of(), r -> parse(r.string("report")));
    }

    private static AuditResult parse(String json) {
        try {
            return AuditJson.MAPPER.readValue(json, AuditResult.class);
        } catch (Exception e) {
            throw new IllegalStateException("a stored audit cannot be read: " + e.getMessage(), e);
        }
    }
}
